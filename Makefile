# Two commands: `make site` builds the default site into public/, `make test` runs the tests.
# Both install libcmark-dev (the C Markdown library) and librsvg2-dev (the SVG renderer that draws the
# charts' PNG copies) with apt first when they are missing.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check deps serve benchmark profile golden format lint skeleton

deps:
	@pkg-config --exists libcmark librsvg-2.0 || { \
		echo "Cài libcmark-dev (thư viện Markdown) và librsvg2-dev (vẽ ảnh PNG của biểu đồ)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev librsvg2-dev pkg-config; }

site: deps
	$(SWIFT) run dtisite build

check: deps
	$(SWIFT) run dtisite check

test: deps
	$(SWIFT) test

# Regenerate golden files after an intended change of output; review them with git diff.
golden: deps
	DTISITE_UPDATE_GOLDEN=1 $(SWIFT) test

# Preview the site at http://127.0.0.1:8000/ while writing: rebuilt and reloaded on every saved edit.
serve: deps
	$(SWIFT) run dtisite serve

# The national-scale benchmark (release build, side by side with Hugo), and its instruction profile.
benchmark: deps
	bash Benchmarks/run.sh

profile: deps
	bash Benchmarks/profile.sh

# The code's format (.swift-format, the toolchain's swift-format): `make format` applies it, `make lint` checks it as CI does.
format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

# What `dtisite new` embeds (the default theme, the national DTI data, the pillar pages), regenerated
# from Theme/ and Content/ after changing them; SkeletonTests fails while they disagree.
skeleton:
	python3 Scripts/skeleton.py
