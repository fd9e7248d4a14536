"""A rollup: one site that follows many plans through the open data each member publishes.

A province follows its communes, and the nation its provinces, by reading each member's
``du-lieu/plan.json`` (or, for a member that is itself a rollup, its ``du-lieu/rollup.json``).
No server is shared: ``make harvest`` fetches every member into a snapshot folder committed to the
repository, and the build reads only that snapshot, so the same commit always builds the same site.

The flow, lowest first:

    model.py     what the rollup keeps of a member: typed, bounded, already made safe
    contract.py  a member's published file (untrusted bytes) → that model, or a reason to refuse it
    members.py   the members file (data/rollup.yaml), checked with file:line messages
    snapshot.py  the harvest folder on disk: each member's last good copy and the outcome of its last harvest
    figures.py   the numbers a monitor reads: per member, and per task of the rollup's own plan (the cascade)
    fetch.py     the only code that touches the network: one member's file, every address checked, sizes and time bounded
    harvest.py   ``make harvest``: every member fetched at once (bounded), records kept, progress and the final table
"""
