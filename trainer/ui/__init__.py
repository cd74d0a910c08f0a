"""The Textual app. Only the commands that open it import this package, so the core and
the other commands never pay for (or depend on) Textual."""
