# Hai lệnh duy nhất cần biết: `make serve` và `make test`.
# Mọi lệnh tự tạo môi trường .venv từ requirements.txt (phiên bản cố định).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
# ProperDocs, the maintained fork of MkDocs 1.6, in a venv of its own (tests/test_properdocs.py builds with it).
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed-$(shell sha1sum requirements-properdocs.txt | cut -c1-12)
VNU := tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: help venv venv-properdocs serve build check lint test browser schema adopt import report link harvest bench bench-rollup clean

help:
	@echo "make serve   - xem trang tại http://127.0.0.1:8000/<đường dẫn của site_url>/ (tự tải lại khi sửa)"
	@echo "make test    - kiểm tra mã (make lint) rồi chạy toàn bộ kiểm thử"
	@echo "make lint    - kiểm tra mã bằng ruff và kiểu bằng mypy"
	@echo "make check   - kiểm tra data/plan.yaml"
	@echo "make adopt SOURCE=phu-luc.docx - dùng dự án cho phụ lục khác (.docx, .txt, .pdf) trong một lệnh"
	@echo "make build   - dựng trang vào thư mục site/ (chế độ nghiêm ngặt)"
	@echo "make report FROM=2025-07-01 TO=2025-09-30 [UNIT=mã-đơn-vị] [OUT=bao-cao.docx] - báo cáo định kỳ (tệp Word)"
	@echo "make link PARENT=plan.json [BASIS=mã-căn-cứ] [MIN_SCORE=0.5] - gợi ý nhiệm vụ cấp trên mà mỗi nhiệm vụ thực hiện"
	@echo "make harvest - trang tổng hợp: thu thập plan.json của các thành viên vào data/harvest/ [MEMBERS=data/rollup.yaml] [FOLDER=data/harvest]"
	@echo "make bench   - đo thời gian dựng với kế hoạch giả lập 100, 1000, 5000 nhiệm vụ (SIZES=\"100 1000\"), ghi bench/RESULTS.md"
	@echo "make bench-rollup - đo trang tổng hợp: 100, 3321 thành viên và hai cấp (34 tỉnh), ghi bench/RESULTS.md"

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

# --no-deps: the lock holds every package but mkdocs, which Material and mkdocs-macros declare and this venv must
# not have (the two generators never share a venv; see requirements-properdocs.txt).
$(PROPERDOCS_STAMP): requirements-properdocs.txt
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	rm -f $(PROPERDOCS_VENV)/.installed-*
	touch $@

venv-properdocs: $(PROPERDOCS_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# Built beside site/ and swapped in only when the build succeeds: a failed build leaves the last good site whole.
build: $(STAMP)
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --clean -d .site-new || { rm -rf .site-new; exit 1; }
	rm -rf site && mv .site-new site

check: $(STAMP)
	$(BIN)/python -m macros check $(FILE)

schema: $(STAMP)
	$(BIN)/python -m macros schema
	$(BIN)/python -m macros update-schema

# Trình duyệt cho kiểm thử: Chromium của Debian (Playwright không tự tải được ở đây).
browser:
	@test -n "$$CHROMIUM" || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || command -v google-chrome >/dev/null 2>&1 || command -v google-chrome-stable >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Cài Chromium của Debian cho kiểm thử trình duyệt..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Thiếu trình duyệt Chromium: cài bằng 'sudo apt-get install chromium' (hoặc đặt CHROMIUM=/đường/dẫn) rồi chạy lại make test." >&2; exit 1; \
	  fi; }

# Cấu hình của ruff và mypy nằm trong pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint browser $(VNU) $(PROPERDOCS_STAMP)
	$(BIN)/python -m pytest -q tests

# The Nu Html Checker for tests/test_html_validity.py: vnu.jar from npm (version pinned in tests/vnu/), run with Java.
$(VNU): tests/vnu/package.json tests/vnu/package-lock.json
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Cài Java của Debian cho bộ kiểm tra HTML..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "Thiếu Java cho bộ kiểm tra HTML: cài bằng 'sudo apt-get install default-jre-headless' rồi chạy lại make test." >&2; exit 1; \
	  fi; }
	@command -v npm >/dev/null 2>&1 || { echo "Thiếu npm để tải bộ kiểm tra HTML (vnu-jar): cài bằng 'sudo apt-get install npm'." >&2; exit 1; }
	npm ci --prefix tests/vnu --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Dùng dự án cho phụ lục của cơ quan khác, một lệnh: make adopt SOURCE=phu-luc.docx (.docx, .txt hoặc .pdf)
adopt: $(STAMP)
	@test -n "$(SOURCE)" || { echo "Cần tệp phụ lục: make adopt SOURCE=phu-luc.docx (.docx, .txt hoặc .pdf)" >&2; exit 2; }
	$(BIN)/python -m macros adopt $(SOURCE)

import: $(STAMP)
	$(BIN)/python -m macros import $(SOURCE) $(if $(OUT),-o $(OUT),) $(if $(REGISTRY),--registry $(REGISTRY),)

# Báo cáo định kỳ (Word, theo Nghị định 30/2020/NĐ-CP) từ kế hoạch và báo cáo tiến độ mà mkdocs.yml chỉ tới:
# make report FROM=2025-07-01 TO=2025-09-30 UNIT=phong-kinh-te OUT=bao-cao-quy-3.docx (UNIT, OUT tuỳ chọn)
# Trang tổng hợp (extra.ke_hoach.rollup): báo cáo tổng hợp các thành viên; FROM, TO chọn báo cáo tiến độ được đếm.
report: $(STAMP)
	$(BIN)/python -m macros report $(if $(FROM),--from $(FROM),) $(if $(TO),--to $(TO),) $(if $(UNIT),--unit $(UNIT),) $(if $(OUT),-o $(OUT),)

# Gợi ý nhiệm vụ của kế hoạch cấp trên mà mỗi nhiệm vụ thực hiện, từ plan.json của kế hoạch đó (tệp hoặc https://):
# make link PARENT=tinh/plan.json [BASIS=kh-17-kh-ubnd] [MIN_SCORE=0.5] [FILE=data/plan.yaml]
link: $(STAMP)
	@test -n "$(PARENT)" || { echo "Cần plan.json của kế hoạch cấp trên: make link PARENT=plan.json (tệp hoặc địa chỉ https://)" >&2; exit 2; }
	$(BIN)/python -m macros link "$(PARENT)" $(if $(FILE),--plan $(FILE),) $(if $(BASIS),--basis $(BASIS),) $(if $(MIN_SCORE),--min-score $(MIN_SCORE),)

# Trang tổng hợp (tỉnh theo dõi các xã): tải du-lieu/plan.json của mọi thành viên trong danh sách (extra.ke_hoach.rollup
# của mkdocs.yml) vào thư mục thu thập; thành viên lỗi giữ bản tốt gần nhất. Lệnh duy nhất dùng mạng; make build thì không.
harvest: $(STAMP)
	$(BIN)/python -m macros harvest $(if $(MEMBERS),--members $(MEMBERS),) $(if $(FOLDER),--folder $(FOLDER),) $(HARVEST_ARGS)

# Đo trang tổng hợp (không thuộc make test): 100 thành viên, 3.321 thành viên, hai cấp (34 tỉnh); ghi bench/RESULTS.md
bench-rollup: $(STAMP)
	$(BIN)/python bench/rollup.py $(BENCH_ARGS)

# Đo hiệu năng (không thuộc make test; mất hơn 10 phút): make bench, make bench SIZES="100 1000", make bench BENCH_ARGS=--quick
bench: $(STAMP)
	$(BIN)/python bench/run.py $(SIZES) $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache
