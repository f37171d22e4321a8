"""Cryptography and release packages: keys, age encryption, SSHSIG signatures,
BagIt payloads and signed manifests. Knows nothing of scanning or policy."""
