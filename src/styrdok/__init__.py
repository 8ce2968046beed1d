"""styrdok: a city's governing documents as validated source, published as sites and JSON.

The packages follow the data flow, each stage reading only what the one before made:

    core/      source files -> checked, linked, immutable Model (and the Problems found)
    select.py  Model -> Publication for one audience: the one gate, an allow-list
    views/     Publication -> Markdown pages, JSON documents, feed, CSV (pure functions)
    adapters/  MkDocs: hands the views' output to MkDocs and checks what it built
    tools/     commands for people: the CLI, publishing, leak scan, diff, scaffolding
"""
