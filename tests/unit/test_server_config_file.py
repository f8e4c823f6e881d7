"""``dvz-server --config FILE``: the settings of a node in a TOML file, keys as the long options; the
command line wins; a broken file or an unknown key stops the start with a German message."""

from __future__ import annotations

from pathlib import Path

import pytest

from server_stub.cli import ConfigFileError, main, parse_args


def test_a_config_file_sets_the_cluster_options_and_the_command_line_wins(tmp_path: Path) -> None:
    config = tmp_path / "dvz1.toml"
    config.write_text('database = "postgresql://dvz:geheim@db.intern/dvz"\nredis = "redis://:pw@redis.intern/0"\n'
                      'node-id = "dvz1"\nport = 9000\ndata-dir = "/var/lib/dvz"\n', encoding="utf-8")
    args = parse_args(["--config", str(config)])
    assert args.database == "postgresql://dvz:geheim@db.intern/dvz" and args.redis == "redis://:pw@redis.intern/0"
    assert args.node_id == "dvz1" and args.port == 9000 and args.data_dir == Path("/var/lib/dvz")
    assert parse_args(["--config", str(config), "--port", "9001"]).port == 9001


def test_an_unknown_key_or_a_broken_file_is_refused_in_german(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "dvz.toml"
    config.write_text('datenbank = "postgresql://x"\n', encoding="utf-8")
    with pytest.raises(ConfigFileError, match="Unbekannte Einstellung „datenbank“"):
        parse_args(["--config", str(config)])
    config.write_text('database = \n', encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    assert "kein gültiges TOML" in capsys.readouterr().err
    assert main(["--config", str(tmp_path / "fehlt.toml")]) == 2
    assert "nicht lesbar" in capsys.readouterr().err
