//! Where `dossier serve` listens and whom it answers: the Host check that
//! keeps other sites' pages from reading the preview, and opening the
//! preview in the system browser (`--open`).

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

/// Where the server listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Address {
    pub(super) bind: IpAddr,
    pub(super) port: u16,
}

impl Address {
    /// The address to give a browser: the bound one, or 127.0.0.1 (`[::1]`)
    /// when bound to every interface.
    pub(super) fn url(self) -> String {
        let host = match self.bind {
            IpAddr::V4(a) if a.is_unspecified() => "127.0.0.1".to_string(),
            IpAddr::V6(a) if a.is_unspecified() => "[::1]".to_string(),
            IpAddr::V4(a) => a.to_string(),
            IpAddr::V6(a) => format!("[{a}]"),
        };
        format!("http://{host}:{}/", self.port)
    }
}

/// Answers `localhost`, `127.0.0.1` and `[::1]`, and the bound address
/// itself, with the server's port; bound to every interface (`0.0.0.0`,
/// `::`), any address written as numbers. Names other than `localhost` get
/// 421, so a page on another site that rebinds its name to this machine
/// cannot read the preview; no Host gets 400.
pub(super) fn check_host(host: Option<&str>, address: Address) -> Result<(), u16> {
    let host = host.ok_or(400u16)?.to_ascii_lowercase();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.is_empty() && (!name.contains(':') || name.ends_with(']')) => {
            (name, p.parse::<u16>().map_err(|_| 421u16)?)
        }
        _ => (host.as_str(), 80),
    };
    if given_port != address.port {
        return Err(421);
    }
    if matches!(name, "localhost" | "127.0.0.1" | "[::1]") {
        return Ok(());
    }
    // An address written as numbers (never a name, which could be rebound).
    let literal: Option<IpAddr> = match name.strip_prefix('[') {
        Some(v6) => v6.strip_suffix(']').and_then(|a| a.parse().ok()),
        None => name
            .parse::<Ipv4Addr>()
            .ok()
            .filter(|_| name.split('.').count() == 4)
            .map(IpAddr::V4),
    };
    match literal {
        Some(ip) if ip == address.bind || address.bind.is_unspecified() => Ok(()),
        _ => Err(421),
    }
}

/// The program that opens a URL in the user's browser on this system.
const OPENERS: &[&str] = if cfg!(target_os = "macos") {
    &["open"]
} else if cfg!(windows) {
    &["explorer.exe"]
} else {
    &["xdg-open", "sensible-browser", "x-www-browser"]
};

/// The first of `names` found in the folders of `path` (a `PATH` value).
fn find_program(names: &[&str], path: &std::ffi::OsStr) -> Option<PathBuf> {
    for dir in std::env::split_paths(path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Opens `url` with the system's opener when there is one; says so and goes
/// on serving when there is none or it fails.
pub(super) fn open_browser(url: &str) {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let Some(program) = find_program(OPENERS, &path) else {
        eprintln!(
            "note: no program to open a browser with ({}); open {url} yourself",
            OPENERS.join(", ")
        );
        return;
    };
    let spawned = std::process::Command::new(&program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            eprintln!("opening {url} with {}", program.display());
            // Reaped on a thread, so it never lingers as a zombie.
            std::thread::spawn(move || {
                let _ = child.wait();
            });
        }
        Err(e) => eprintln!(
            "note: cannot run {} ({e}); open {url} yourself",
            program.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machine_on_this_port_is_answered() {
        for host in [
            "localhost:4000",
            "127.0.0.1:4000",
            "[::1]:4000",
            "LocalHost:4000",
        ] {
            assert_eq!(check_host(Some(host), local(4000)), Ok(()), "{host}");
        }
        for host in [
            "evil.example:4000",
            "localhost:4001",
            "localhost",
            "127.0.0.2:4000",
            "localhost.:4000",
            "localhost:4000.evil.example",
            "[::1]",
            "::1:4000",
            "localhost:x",
            "",
        ] {
            assert_eq!(check_host(Some(host), local(4000)), Err(421), "{host}");
        }
        assert_eq!(
            check_host(Some("localhost"), local(80)),
            Ok(()),
            "no port means 80"
        );
        assert_eq!(check_host(None, local(4000)), Err(400));
    }

    fn local(port: u16) -> Address {
        Address {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port,
        }
    }

    #[test]
    fn the_bound_address_is_answered_and_names_are_not() {
        let lan = Address {
            bind: "192.0.2.7".parse().unwrap(),
            port: 4000,
        };
        for host in ["192.0.2.7:4000", "localhost:4000", "127.0.0.1:4000"] {
            assert_eq!(check_host(Some(host), lan), Ok(()), "{host}");
        }
        for host in [
            "192.0.2.8:4000",
            "192.0.2.7:4001",
            "lan.example:4000",
            "192.0.2:4000",
        ] {
            assert_eq!(check_host(Some(host), lan), Err(421), "{host}");
        }
        let every = Address {
            bind: "0.0.0.0".parse().unwrap(),
            port: 4000,
        };
        for host in [
            "192.0.2.7:4000",
            "10.1.2.3:4000",
            "[fe80::1]:4000",
            "localhost:4000",
        ] {
            assert_eq!(check_host(Some(host), every), Ok(()), "{host}");
        }
        for host in ["rebound.example:4000", "192.0.2.7:4001", "0x7f.1:4000"] {
            assert_eq!(check_host(Some(host), every), Err(421), "{host}");
        }
        let v6 = Address {
            bind: "::1".parse().unwrap(),
            port: 4000,
        };
        assert_eq!(check_host(Some("[::1]:4000"), v6), Ok(()));
        assert_eq!(v6.url(), "http://[::1]:4000/");
        assert_eq!(every.url(), "http://127.0.0.1:4000/");
        assert_eq!(lan.url(), "http://192.0.2.7:4000/");
    }

    #[test]
    fn the_opener_is_found_on_the_path_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = std::env::join_paths([dir.path()]).unwrap();
        assert_eq!(find_program(&["xdg-open"], &path), None);
        std::fs::write(dir.path().join("xdg-open"), "").unwrap();
        assert_eq!(
            find_program(&["xdg-open"], &path),
            Some(dir.path().join("xdg-open"))
        );
    }
}
