"""Progress: the store of every attempt, the drill schedule, statistics and exports.

The core of progress never imports Textual or click; the app and the CLI are shells over it.
"""
