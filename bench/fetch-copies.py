#!/usr/bin/env python3
"""Fetch every distinct path of a paths file over one keep-alive connection; write each body under a
root directory (the static copy nginx serves) and "path etag" lines to an output file.

    python3 bench/fetch-copies.py http://127.0.0.1:8081 paths.txt etags.txt [root-dir]
"""
import http.client
import os
import sys
import urllib.parse


def main():
    base, paths_file, etags_file = sys.argv[1:4]
    root = sys.argv[4] if len(sys.argv) > 4 else None
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    paths = sorted(set(line.strip() for line in open(paths_file) if line.strip()))
    with open(etags_file, "w") as etags:
        for path in paths:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                sys.exit(f"{path}: {response.status}")
            etags.write(f"{path} {response.getheader('ETag')}\n")
            if root:
                target = root + path
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as copy:
                    copy.write(body)


if __name__ == "__main__":
    main()
