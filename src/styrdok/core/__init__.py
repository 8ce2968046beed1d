"""Reading the source: files to a checked, linked, immutable Model and the problems found.

`pipeline.check_project` runs the stages in order, each a sub-package or module here:

    project, kinds   the repository's folders and the kinds of source file in them
    reading/         files -> documents with line numbers (within `limits`)
    rules/schema     each document against its JSON Schema
    linking/         valid documents -> the Model (`model`), references resolved
    rules/           the integrity of the model, editors' texts, attachments
    problems, messages, report
                     what is wrong, in Swedish, with file and line

`sanitize` (the HTML allow-list) and `withheld` (withheld links taken out of a text) are
policy the check, the selection and the renderer share.
"""
