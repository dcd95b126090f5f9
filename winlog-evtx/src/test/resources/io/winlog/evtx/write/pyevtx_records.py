# Prints python-evtx's rendering of every record of an .evtx file as JSON lines:
# {"n": record number, "xml": record.xml()} or {"n": ..., "error": "..."} when python-evtx fails on it.
# The same rendering evtx_dump.py prints, but one failing record does not end the run.
import json
import sys

import Evtx.Evtx as evtx

with evtx.Evtx(sys.argv[1]) as f:
    for r in f.records():
        try:
            print(json.dumps({"n": r.record_num(), "xml": r.xml()}))
        except Exception as e:  # noqa: BLE001 - report and go on
            print(json.dumps({"n": r.record_num(), "error": repr(e)}))
