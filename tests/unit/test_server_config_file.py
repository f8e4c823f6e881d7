"""dvz-server --config FILE: TOML settings under the options' names, the command line wins, a bad file
is refused with the key named (and the server does not start)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server_stub.cli import ConfigError, main, parse_arguments, sfu_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dvz.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_sets_the_media_server_and_the_command_line_wins(tmp_path: Path) -> None:
    path = write(tmp_path, 'sfu = "ws://10.0.0.5:8188/"\nsfu-secret = "geheim"\nsfu_admin_key = "schluessel"\n'
                           'port = 9000\nice-server = ["turn:turn.example:3478"]\n')
    args = parse_arguments(["--config", str(path), "--port", "9100"])
    config = sfu_config(args)
    assert config is not None
    assert (config.url, config.api_secret, config.admin_key) == ("ws://10.0.0.5:8188/", "geheim", "schluessel")
    assert args.port == 9100  # the command line over the file
    assert args.ice_server == ["turn:turn.example:3478"]
    assert "geheim" not in repr(config) and "schluessel" not in repr(config)  # never in a log line


def test_without_a_media_server_there_is_no_sfu_config() -> None:
    assert sfu_config(parse_arguments([])) is None


@pytest.mark.parametrize(("text", "says"), [
    ('sfu-secrt = "x"\n', "Unbekannte Einstellung 'sfu-secrt'"),
    ('ice-server = "turn:x"\n', "muss eine Liste von Texten sein"),
    ('demo = "ja"\n', "muss true oder false sein"),
    ('sfu = ["a"]\n', "muss ein einzelner Wert sein"),
    ('sfu = "ws://x\n', "kein gültiges TOML"),
])
def test_a_bad_file_is_refused_with_the_reason(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        parse_arguments(["--config", str(write(tmp_path, text))])


def test_the_server_does_not_start_with_a_bad_file_or_a_media_server_address_that_is_no_websocket(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(tmp_path / "missing.toml")]) == 2
    assert "lässt sich nicht lesen" in capsys.readouterr().err
    assert main(["--demo", "--sfu", "http://10.0.0.5:8088/janus"]) == 2
    assert "--sfu erwartet die Websocket-Adresse" in capsys.readouterr().err


def test_the_file_sets_the_cluster_options_and_the_command_line_wins(tmp_path: Path) -> None:
    path = write(tmp_path, 'database = "postgresql://dvz:geheim@db.intern/dvz"\nredis = "redis://:pw@redis.intern/0"\n'
                           'node-id = "dvz1"\nport = 9000\ndata-dir = "/var/lib/dvz"\n')
    args = parse_arguments(["--config", str(path)])
    assert args.database == "postgresql://dvz:geheim@db.intern/dvz" and args.redis == "redis://:pw@redis.intern/0"
    assert args.node_id == "dvz1" and args.port == 9000 and args.data_dir == Path("/var/lib/dvz")
    assert parse_arguments(["--config", str(path), "--port", "9001"]).port == 9001
