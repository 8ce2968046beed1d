"""Reading the source: files below data/ and docs/ into documents with line numbers, within
limits, and the bodies of editors' texts parsed once."""
