"""Small modal questions asked over a screen."""
