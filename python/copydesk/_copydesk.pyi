"""Type stubs of the native module (crates/copydesk-py)."""

from typing import List, Optional, Sequence, Tuple

__version__: str

class CopydeskError(Exception): ...
class ExtractionError(CopydeskError): ...

def extract_json(
    data: bytes,
    is_text: bool,
    url: Optional[str] = None,
    charset: Optional[str] = None,
    favor: str = "balanced",
    include_comments: bool = False,
    markdown: bool = False,
    html: bool = False,
    with_metadata: bool = True,
    max_input_bytes: Optional[int] = None,
    time_limit_ms: Optional[int] = None,
) -> str: ...
def extract_batch_json(
    pages: Sequence[Tuple[bytes, bool]],
    urls: Sequence[Optional[str]],
    threads: int = 0,
    favor: str = "balanced",
    include_comments: bool = False,
    markdown: bool = False,
    html: bool = False,
    with_metadata: bool = True,
    max_input_bytes: Optional[int] = None,
    time_limit_ms: Optional[int] = None,
) -> List[Tuple[Optional[str], Optional[str]]]: ...
def process_warc_json(
    in_path: str,
    out_path: str,
    output_format: Optional[str] = None,
    threads: int = 0,
    resume: bool = False,
    max_record_bytes: Optional[int] = None,
    only_2xx: bool = True,
    favor: str = "balanced",
    include_comments: bool = False,
    markdown: bool = False,
    html: bool = False,
    with_metadata: bool = True,
    max_input_bytes: Optional[int] = None,
    time_limit_ms: Optional[int] = None,
    progress: bool = False,
) -> str: ...
def parquet_columns() -> List[str]: ...
