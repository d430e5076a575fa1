"""Date expressions: their grammar (``patterns``), interval arithmetic, and their resolution against the publication
date (``absolute``, ``relative``, ``anchored``), put together per section of the page by ``resolve``."""
