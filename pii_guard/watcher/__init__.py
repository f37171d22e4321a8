"""The background watcher (rule R3): records copied to personal places are quarantined.

`service.Watcher` watches the policy's blocked places, waits for each file to be
complete, scans and classifies it, and hands records to `quarantine.Quarantiner`,
which encrypts them into the vault and removes them without ever losing one.
`wiring.build_watcher` assembles it from the real policy, scanner and age code.
"""
