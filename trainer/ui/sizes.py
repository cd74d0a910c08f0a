"""The terminal sizes the screens are laid out for: every screen reads well at 80x24 and stays
usable down to 60x20. Under these, a screen packs tighter (fewer columns, a folded background,
fewer keys in the footer) rather than cutting text off."""

NARROW = 80  # columns: under this, tables drop what the preview also says, the footer what the palette offers
SHORT = 24  # rows: under this, the client's background is folded until the learner opens it
