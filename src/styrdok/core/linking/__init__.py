"""From checked documents to the model: entries by kind, references resolved, one builder
per kind of object."""
