"""A build job travels to a worker without the site the worker already holds (``share_site``),
and comes out whole; a job for another site carries its own."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kit import __version__
from kit.build.inputs import Shared
from kit.build.plan import ALL
from kit.commands import build_job
from kit.commands.build_job import DocJob, share_site
from kit.commands.loaders import SourceFile, iter_sources
from kit.config import load_config
from kit.project import Project
from kit.site import Site

SAMPLE = Path(__file__).resolve().parents[2]  # the sample kit


@pytest.fixture(autouse=True)
def _unshared() -> Iterator[None]:
    yield
    build_job._SHARED.clear()


def _site_and_job() -> tuple[Site, DocJob]:
    project = Project(load_config(SAMPLE))
    config = project.config
    site = Site(
        config, config.source_locale, (config.source_locale, *project.locales(())), __version__
    )
    source = next(
        s for s in iter_sources(project, project.source_files()) if isinstance(s, SourceFile)
    )
    shared = Shared(b"[project]", "templates", {"en": "words"})
    job = DocJob(source, site, shared, {}, {}, frozenset(), ("html",), ALL)
    return site, job


def test_a_shared_site_is_not_pickled_and_comes_back() -> None:
    site, job = _site_and_job()
    alone = len(pickle.dumps(job))
    share_site(site)
    sent = pickle.dumps(job)
    assert len(sent) < alone - len(pickle.dumps(site)) // 2
    received = pickle.loads(sent)
    assert received == job
    assert received.site is site  # the worker's own copy


def test_a_job_for_another_site_carries_it() -> None:
    site, job = _site_and_job()
    share_site(replace(site, kit_version="other"))
    received = pickle.loads(pickle.dumps(job))
    assert received == job
    assert received.site == site
