"""MkDocs wiring: the plugin, the macro bridge and sandbox, rendering and the post-build gate."""
