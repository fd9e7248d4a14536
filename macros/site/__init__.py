"""The site, independent of any generator: addresses, what each page holds, templates, search fields, feed, print."""
