"""Allows ``python -m trainer``."""

from trainer.launch import main

main()
