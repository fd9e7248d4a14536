"""One build of the site, above the pages and the exports and below any generator's glue.

What a build does beside rendering pages belongs here, so that every generator (and the command line)
drives it the same way: for now, having the downloads made in a second process (:mod:`.parallel`).
"""
