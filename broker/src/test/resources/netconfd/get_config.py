"""Reads a VNF's running configuration with ncclient: the third-party view the tests compare with.

usage: get_config.py HOST PORT USER KEY_FILE SUBTREE_FILTER
Prints the <data> of <get-config> on running (RFC 6241 §7.1).
"""
import sys

from ncclient import manager

host, port, user, key, subtree = sys.argv[1:6]
with manager.connect(host=host, port=int(port), username=user, key_filename=key,
                     hostkey_verify=False, allow_agent=False, look_for_keys=False,
                     timeout=30) as m:
    print(m.get_config(source="running", filter=("subtree", subtree)).data_xml)
