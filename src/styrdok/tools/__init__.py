"""Commands for people: the CLI, publishing a build, the leak scan, diff and scaffolding."""
