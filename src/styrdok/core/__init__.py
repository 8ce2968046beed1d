"""Reading the source: files to a checked, linked, immutable model and the problems found."""
