"""GeoNames dump loading: a few rows in GeoNames' tab format, zipped here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.gazetteer import gazetteer as gazetteer_cli
from frontlines.errors import InputError
from frontlines.geo.dumps import load_dump
from frontlines.geo.gazetteer import Gazetteer, IndexWriter
from test_geo_support import build_tiny


def row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    a1: str,
    pop: int,
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alts,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        a1,
        "",
        "",
        "",
        str(pop),
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ]
    return "\t".join(cols)


ROWS = [
    row(7000001, "Tall Rif'at", "Tal Rifaat,Tell Rifaat", 36.47, 37.1, "P", "PPLA3", "SY", "09", 0),
    row(7000002, "Saraqib", "Saraqeb", 35.86, 36.8, "P", "PPLA2", "SY", "12", 32_000),
    row(7000003, "Abu ad Duhur Airbase", "", 35.73, 37.1, "S", "AIRB", "SY", "12", 0),
    row(7000004, "Nahr Quwayq", "", 36.0, 37.0, "H", "STM", "SY", "09", 0),
    row(7000005, "Jabal az Zawiyah", "Jabal al-Zawiya", 35.7, 36.55, "T", "MTS", "SY", "12", 0),
    row(
        7000006,
        "Muhafazat Idlib",
        "Idlib Governorate",
        35.8,
        36.6,
        "A",
        "ADM1",
        "SY",
        "12",
        1_500_000,
    ),
]


def write_zip(tmp: Path, name: str, lines: list[str]) -> Path:
    txt = name.replace(".zip", ".txt")
    path = tmp / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(txt, "\n".join(lines) + "\n")
        zf.writestr("readme.txt", "not data")
    return path


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    return build_tiny(tmp_path / "idx.sqlite")


def test_load_country_zip(tmp_path: Path, index: Path) -> None:
    writer = IndexWriter(index)
    report = load_dump(writer, write_zip(tmp_path, "SY.zip", ROWS))
    writer.close()
    assert report.rows == 6
    assert report.by_class == {"P": 2, "S": 1, "A": 1}  # no streams; terrain only on request
    gaz = Gazetteer(index)
    assert [p.fcode for p in gaz.lookup("Tal Rifaat")] == ["PPLA3"]
    assert gaz.lookup("Abu ad Duhur Airbase")[0].fclass == "S"
    assert gaz.lookup("Nahr Quwayq") == ()
    assert gaz.lookup("Jabal al-Zawiya") == ()
    assert any(p.fcode == "ADM1" for p in gaz.lookup("Idlib"))  # "Idlib Governorate" -> "Idlib"


def test_terrain_on_request_and_txt(tmp_path: Path, index: Path) -> None:
    txt = tmp_path / "SY.txt"
    txt.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    writer = IndexWriter(index)
    report = load_dump(writer, txt, with_terrain=True)
    writer.close()
    assert report.by_class.get("T") == 1
    assert Gazetteer(index).lookup("Jabal al-Zawiya")[0].fcode == "MTS"


def test_alternates_and_admin_codes(tmp_path: Path, index: Path) -> None:
    writer = IndexWriter(index)
    load_dump(writer, write_zip(tmp_path, "SY.zip", ROWS))
    alt = write_zip(
        tmp_path,
        "alternateNamesV2.zip",
        [
            "1\t7000002\ten\tSaraqib City\t\t\t\t\t\t",
            "2\t7000002\tlink\thttps://example.org/Saraqib\t\t\t\t\t\t",
            "3\t7000002\tar\tسراقب\t\t\t\t\t\t",
            "4\t9999999\ten\tNowhere\t\t\t\t\t\t",
        ],
    )
    rep = load_dump(writer, alt)
    codes = tmp_path / "admin1CodesASCII.txt"
    codes.write_text("SY.12\tIdlib\tIdlib Province\t7000006\n", encoding="utf-8")
    rep2 = load_dump(writer, codes)
    writer.close()
    assert (rep.rows, rep.names) == (4, 1)
    assert rep2.names == 1
    gaz = Gazetteer(index)
    assert gaz.lookup("Saraqib City")[0].name == "Saraqib"
    assert gaz.lookup("Nowhere") == ()


def test_not_a_dump(tmp_path: Path, index: Path) -> None:
    bad = tmp_path / "UA.txt"
    bad.write_text("this is not a GeoNames table\n", encoding="utf-8")
    writer = IndexWriter(index)
    with pytest.raises(InputError):
        load_dump(writer, bad)
    writer.close()


def test_cli_load_and_lookup(tmp_path: Path, index: Path) -> None:
    runner = CliRunner()
    dump = write_zip(tmp_path, "SY.zip", ROWS)
    res = runner.invoke(gazetteer_cli, ["load", str(dump), "--db", str(index)])
    assert res.exit_code == 0, res.output
    assert '"added": 4' in res.output
    res = runner.invoke(gazetteer_cli, ["lookup", "Saraqeb", "--db", str(index)])
    assert res.exit_code == 0
    assert "Saraqib" in res.output
    res = runner.invoke(gazetteer_cli, ["info", "--db", str(index)])
    assert res.exit_code == 0 and '"places"' in res.output
    res = runner.invoke(gazetteer_cli, ["info", "--db", str(tmp_path / "missing.sqlite")])
    assert res.exit_code == 1
