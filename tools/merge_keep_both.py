"""Resolve git conflict hunks by keeping both sides, ours first (for list-like files such as the
manifest's data lists, where parallel branches append entries at the same place)."""
import re
import sys

for path in sys.argv[1:]:
    with open(path) as f:
        text = f.read()
    text = re.sub(r'<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n',
                  lambda m: m.group(1) + m.group(2), text, flags=re.S)
    with open(path, 'w') as f:
        f.write(text)
