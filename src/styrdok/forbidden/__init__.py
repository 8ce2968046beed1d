"""What an audience must not see, as strings, and where the source already says them.

Shared by the check and the leak scan after the build (tools/leaks), so both judge by
the same strings in the same form:

    normal    the one form both sides are compared in
    matcher   all strings matched at once, in one pass of a text
    strings   the strings, worked out from the whole model and an audience's publication
    files     the reader: a file unpacked within a budget, in every view it could be seen
              in (a PDF's text, what an archive holds); the scan reads each built file
              with it, the check each published attachment
    sources   the check: the same strings, looked for in the source texts each audience
              publishes, reported with file and line before anything is built
    attachments  the attachments each audience publishes, read for the check

A stage of its own between selection and the adapters: it needs the `Publication`, so
the core cannot hold it, and the plugin (an adapter) runs it, so a tool cannot either.
"""
