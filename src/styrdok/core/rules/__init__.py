"""The rules a source must satisfy: its schemas, the integrity of the linked model, what an
editor's text may contain, and attachments."""
