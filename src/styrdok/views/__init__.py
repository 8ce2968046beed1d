"""What the publication looks like to readers and systems: pure functions of the Publication."""
