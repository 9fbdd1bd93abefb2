#!/usr/bin/env bash
# Renders the sample outgoing document, converts the DOCX with LibreOffice (headless) to PDF and
# its first page to PNG, and checks the page: one A4 page whose text holds every mandatory
# component, with the number and the place-and-date on one line (the header table) and the
# recipients beside the signature block.
#
#   scripts/render-sample-document.sh              # build/, then docs/screenshots/document-sample.png
#   scripts/render-sample-document.sh --check BIN OUT_DIR   # CTest (label docs): no repository writes
set -euo pipefail
cd "$(dirname "$0")/.."

mode=update
bin=build/tests/chibo_render_sample
out=build/sample-document
if [[ "${1:-}" == "--check" ]]; then
  mode=check
  bin=$2
  out=$3
fi
[[ -x "$bin" ]] || { echo "render-sample-document: build $bin first (cmake --build build --target chibo_render_sample)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/document-sample.*
"$bin" "$out" >/dev/null

# A profile of its own: LibreOffice refuses to start a second instance on a shared profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$out/document-sample.docx" >"$out/soffice.log" 2>&1 ||
  { cat "$out/soffice.log" >&2; exit 1; }
[[ -s "$out/document-sample.pdf" ]] || { echo "render-sample-document: no PDF" >&2; cat "$out/soffice.log" >&2; exit 1; }

info=$(pdfinfo "$out/document-sample.pdf")
grep -q '^Pages: *1$' <<<"$info" || { echo "render-sample-document: not one page" >&2; echo "$info" >&2; exit 1; }
grep -Eq '^Page size: *595(\.[0-9]+)? x 84[12]' <<<"$info" || { echo "render-sample-document: not A4" >&2; echo "$info" >&2; exit 1; }

text=$(pdftotext -layout "$out/document-sample.pdf" -)
fail=0
expect_line() {  # every argument on one line of the page, in this order
  local pattern
  pattern=$(printf '%s.*' "$@")
  if ! grep -q -- "${pattern%.\*}" <<<"$text"; then
    echo "render-sample-document: no line with: $*" >&2
    fail=1
  fi
}
expect_line "ĐẢNG BỘ CHÍNH PHỦ" "ĐẢNG CỘNG SẢN VIỆT NAM"
expect_line "ĐẢNG ỦY BỘ TƯ PHÁP"
expect_line "Số 09-KH/ĐU" "Hà Nội, ngày 05 tháng 02 năm 2026"
expect_line "KẾ HOẠCH"
expect_line "I. MỤC ĐÍCH, YÊU CẦU"
expect_line "Nơi nhận:" "T/M BAN THƯỜNG VỤ"
expect_line "PHÓ BÍ THƯ"
expect_line "Nguyễn Văn An"
expect_line "- Lưu Văn phòng Đảng ủy."
if ((fail)); then echo "$text" >&2; exit 1; fi

pdftoppm -png -r 100 -f 1 -singlefile "$out/document-sample.pdf" "$out/document-sample"
if [[ "$mode" == update ]]; then
  mkdir -p docs/screenshots
  cp "$out/document-sample.png" docs/screenshots/document-sample.png
  echo "render-sample-document: docs/screenshots/document-sample.png"
else
  echo "render-sample-document: $out/document-sample.png"
fi
