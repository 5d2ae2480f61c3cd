"""Type stubs of the native module (crates/copydesk-py)."""

from typing import List, Optional, Sequence, Tuple, TypedDict

__version__: str

class CopydeskError(Exception): ...
class ExtractionError(CopydeskError): ...

class EngineOptions(TypedDict):
    """The extraction options every function takes (all keys required)."""

    favor: str  # "precision", "balanced" or "recall"
    include_comments: bool
    markdown: bool
    html: bool
    with_metadata: bool
    max_input_bytes: Optional[int]
    time_limit_ms: Optional[int]  # 0: no time limit

def extract_json(
    data: bytes,
    is_text: bool,
    options: EngineOptions,
    url: Optional[str] = None,
    charset: Optional[str] = None,
) -> str: ...
def extract_batch_json(
    pages: Sequence[Tuple[bytes, bool]],
    urls: Sequence[Optional[str]],
    options: EngineOptions,
    threads: int = 0,
) -> List[Tuple[Optional[str], Optional[str]]]: ...
def process_warc_json(
    in_path: str,
    out_path: str,
    options: EngineOptions,
    output_format: Optional[str] = None,
    threads: int = 0,
    resume: bool = False,
    max_record_bytes: Optional[int] = None,
    only_2xx: bool = True,
    progress: bool = False,
) -> str: ...
def parquet_columns() -> List[str]: ...
