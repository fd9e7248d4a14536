"""The site, independent of any generator: what each page holds, templates, search fields, feed, print.

Its addresses are :mod:`macros.urls`, a layer below, which the exports print too."""
