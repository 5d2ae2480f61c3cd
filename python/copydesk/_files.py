"""What the Ray and Spark front ends share: the output file of a WARC file, and processing
one file with its failure reported as stats instead of raised."""

from __future__ import annotations

import os
from typing import Any, Dict

#: Output formats of ``process_warc`` and the extension of their files.
OUTPUT_EXTENSIONS = {"parquet": "parquet", "jsonl": "jsonl", "jsonl.gz": "jsonl.gz"}


def output_path(input_path: str, output_dir: str, output_format: str) -> str:
    """``DIR/NAME.EXT`` for ``.../NAME.warc[.gz]``."""
    name = os.path.basename(input_path)
    for suffix in (".gz", ".warc"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return os.path.join(output_dir, f"{name}.{OUTPUT_EXTENSIONS[output_format]}")


def process_file(input_path: str, out_path: str, threads: int, options: Dict[str, Any]) -> Dict[str, Any]:
    """``copydesk.process_warc`` on one file; a file that cannot be processed gives
    ``{"input", "output", "error"}`` so that the other files go on."""
    import copydesk  # imported on the worker, where the cluster installed it

    try:
        return copydesk.process_warc(input_path, out_path, threads=threads, **options)
    except Exception as e:
        return {"input": input_path, "output": out_path, "error": f"{type(e).__name__}: {e}"}
