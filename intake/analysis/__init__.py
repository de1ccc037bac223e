"""Turning opened responses into themes the CCR team can act on.

- ``disclosure``: small-count suppression, complementary suppression across linked tables.
- ``aggregate``: counts of closed answers, built incrementally, one response at a time.
- ``codebook`` and ``coding``: multilingual patterns that suggest theme codes for free text.
- ``emerging``: an unsupervised pass for clusters the codebook does not cover.
- ``annotations``: the facilitators' coding decisions, sealed under each response's own key.
- ``report``: the disclosure-controlled snapshot that team viewers may open without the key.

Nothing in this package writes decrypted text anywhere but memory.
"""
