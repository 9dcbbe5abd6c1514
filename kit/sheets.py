"""CSV files that people open and save in spreadsheets (Excel, LibreOffice Calc, Google Sheets).

kit writes them as UTF-8 with a byte order mark: that mark is how Excel recognises UTF-8.
Without it, Excel on Windows opens the file in the computer's code page, shows Amharic,
Arabic or Chinese as mojibake, and saving writes "?" for every character the code page lacks.

Reading takes what spreadsheets save: UTF-8 with or without the mark, UTF-16 with its mark
(Excel's "Unicode Text", separated by tabs), and a semicolon or a tab instead of a comma
(Excel separates with the computer's list separator, ";" in most of Europe). Bytes that are not
UTF-8 are refused with the line they are on and what to choose in Excel's "Save As".
"""

from __future__ import annotations

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SEPARATORS = (",", ";", "\t")
SAVE_AS_HINT = (
    "save it as UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in "
    "LibreOffice, 'Text CSV' with the character set 'Unicode (UTF-8)'"
)


class SheetError(ValueError):
    """Text that cannot be read as a spreadsheet's CSV, with the line it starts on."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def sheet_bytes(text: str) -> bytes:
    """CSV ``text`` as kit writes it for people to open in a spreadsheet."""
    return UTF8_BOM + text.encode("utf-8")


def sheet_text(data: bytes) -> str:
    """The text of a CSV file a spreadsheet saved (see the module), without the mark."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SheetError("not valid UTF-16 text", _line(data, exc.start)) from exc
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line(data, exc.start)
        raise SheetError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} on this line is not): saved in the "
            "computer's code page, which may already have turned letters into '?'",
            line,
        ) from exc


def separator(text: str) -> str:
    """The separator of the file's first line that is not empty or a ``#`` comment: the one
    of comma, semicolon and tab that it holds most of (a comma when none)."""
    header = next(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")), ""
    )
    return max(SEPARATORS, key=lambda sep: (header.count(sep), sep == ","))


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
