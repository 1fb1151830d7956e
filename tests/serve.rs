//! `dossier serve` as a client meets it, on a free loopback port: a client
//! that stalls mid-request does not keep a well-behaved one from its page;
//! only GET and HEAD are answered, only for this machine's names and port;
//! an oversized head gets 431; SIGTERM and Ctrl-C remove the preview folder;
//! `--drafts`, `--base-url`, `--bind` and `--open` do what they say.
//!
//! All traffic goes to 127.0.0.1; every wait is bounded, and the server is
//! killed when a test ends, whatever happened.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use support::project::Project;

const ARTICLE: &str = "---\ntitle: \"Lavrov meets Choe in Moscow\"\npublished: 2025-10-28\noutlet: Wire\n---\n\nRussian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui in Moscow on Monday.\n";

/// A running `dossier serve`, killed on drop.
struct Served {
    child: Child,
    port: u16,
    preview: PathBuf,
    _project: Project,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `dossier serve --port 0` on a small project and waits (at most two
/// minutes, for the first build on a busy machine) for it to say its port.
fn serve() -> Served {
    serve_with(&[], |_| {}, None).0
}

/// [`serve`] with more arguments, more files, and `PATH` set to `path`;
/// also returns what the server said up to its address.
fn serve_with(
    args: &[&str],
    files: impl FnOnce(&Project),
    path: Option<&std::ffi::OsStr>,
) -> (Served, String) {
    let project = Project::new();
    project
        .file("content/site.yaml", "title: Test\n")
        .file("content/articles/lavrov.md", ARTICLE);
    files(&project);
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let mut child = command
        .env("CI", "1")
        .args(["serve", "--port", "0"])
        .args(args)
        .arg("--root")
        .arg(project.root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut served = Served {
        child,
        port: 0,
        preview: PathBuf::new(),
        _project: project,
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut said = String::new();
    while served.port == 0 {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            panic!("no port announced:\n{said}");
        };
        said.push_str(&line);
        said.push('\n');
        if let Some(path) = line.strip_prefix("preview folder: ") {
            served.preview = PathBuf::from(path);
        }
        if let Some(rest) = line.split(" at http://").nth(1) {
            let address = rest.split('/').next().unwrap();
            served.port = address.rsplit(':').next().unwrap().parse().unwrap();
        }
    }
    assert!(
        served.preview.join("index.html").is_file(),
        "preview folder {:?} not said or not built:\n{said}",
        served.preview
    );
    (served, said)
}

/// Sends `request` on a fresh connection and returns the whole response
/// (the server closes every connection after one response).
fn exchange(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn get(port: u16, method: &str, path: &str, host: &str) -> String {
    exchange(
        port,
        format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
    )
}

fn status(response: &str) -> &str {
    response.split(' ').nth(1).unwrap_or("")
}

#[test]
fn a_stalled_client_does_not_block_others_and_the_policy_holds() {
    let s = serve();
    let host = format!("127.0.0.1:{}", s.port);
    // Three clients that start a request and never finish it.
    let stalled: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            c.write_all(b"GET / HTTP/1.1\r\nHost: ").unwrap();
            c
        })
        .collect();
    // Two that ask for a large file and never read the answer.
    std::fs::write(s.preview.join("big.bin"), vec![b'x'; 32 << 20]).unwrap();
    let not_reading: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            c.write_all(format!("GET /big.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
                .unwrap();
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let page = get(s.port, "GET", "/", &host);
    assert_eq!(status(&page), "200", "{page}");
    assert!(page.contains("Lavrov"), "{page}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the page took {:?} while others stalled",
        started.elapsed()
    );

    let head = get(s.port, "HEAD", "/", &format!("localhost:{}", s.port));
    assert_eq!(status(&head), "200", "{head}");
    assert!(head.contains("Content-Length: "), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");

    for method in ["POST", "PUT", "DELETE", "BREW"] {
        let r = get(s.port, method, "/", &host);
        assert_eq!(status(&r), "405", "{method}: {r}");
        assert!(r.contains("Allow: GET, HEAD\r\n"), "{method}: {r}");
    }

    for bad in [
        "evil.example".to_string(),
        format!("evil.example:{}", s.port),
        format!("localhost:{}", s.port.wrapping_add(1)),
    ] {
        let r = get(s.port, "GET", "/", &bad);
        assert_eq!(status(&r), "421", "{bad}: {r}");
        assert!(!r.contains("Lavrov"), "{bad}: {r}");
    }

    let r = get(s.port, "HEAD", "/", "evil.example");
    assert_eq!(status(&r), "421", "{r}");
    assert!(r.ends_with("\r\n\r\n"), "HEAD has no body: {r}");
    let body = "x".repeat(30_000);
    let r = exchange(
        s.port,
        format!(
            "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(
        status(&r),
        "405",
        "a POST with a body still reads its 405: {r}"
    );

    let mut huge = format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Big: ").into_bytes();
    huge.resize(40 * 1024, b'a');
    huge.extend_from_slice(b"\r\n\r\n");
    let r = exchange(s.port, &huge);
    assert_eq!(status(&r), "431", "{r}");

    drop(not_reading);
    // The stalled clients are answered 408 and closed once their time is up.
    for mut c in stalled {
        c.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        let mut out = Vec::new();
        let _ = c.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out);
        assert_eq!(status(&text), "408", "{text}");
    }
}

#[test]
fn sigterm_and_ctrl_c_remove_the_preview_folder() {
    for signal in ["-TERM", "-INT"] {
        let mut s = serve();
        let folder = s.preview.parent().unwrap().to_path_buf();
        assert!(folder.is_dir());
        let sent = Command::new("kill")
            .args([signal, &s.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        while s.child.try_wait().unwrap().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            s.child.try_wait().unwrap().is_some(),
            "still running after {signal}"
        );
        assert!(
            !folder.exists(),
            "{signal}: {} left behind",
            folder.display()
        );
    }
}

#[test]
fn drafts_and_base_url_are_served_when_asked() {
    let draft = "---\ntitle: \"Shoigu visits Pyongyang\"\npublished: 2025-10-29\ndraft: true\n---\n\nSergei Shoigu arrived in Pyongyang on Wednesday.\n";
    let (s, _) = serve_with(
        &["--drafts", "--base-url", "https://preview.example/brief/"],
        |p| {
            p.file("content/articles/draft.md", draft);
        },
        None,
    );
    let host = format!("127.0.0.1:{}", s.port);
    let page = get(s.port, "GET", "/articles/draft.html", &host);
    assert_eq!(status(&page), "200", "{page}");
    assert!(page.contains("Shoigu visits Pyongyang"), "{page}");
    let home = get(s.port, "GET", "/", &host);
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://preview.example/brief/index.html\">"),
        "{home}"
    );
    // Without --drafts the draft stays out.
    let plain = serve_with(
        &[],
        |p| {
            p.file("content/articles/draft.md", draft);
        },
        None,
    )
    .0;
    let r = get(
        plain.port,
        "GET",
        "/articles/draft.html",
        &format!("127.0.0.1:{}", plain.port),
    );
    assert_eq!(status(&r), "404", "{r}");
}

#[test]
fn a_bound_address_is_answered_by_its_own_name() {
    // 127.0.0.2 is this machine too, but not "localhost".
    let (s, said) = serve_with(&["--bind", "127.0.0.2"], |_| {}, None);
    assert!(said.contains("http://127.0.0.2:"), "{said}");
    let mut stream = TcpStream::connect(("127.0.0.2", s.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.2:{}\r\n\r\n", s.port);
    stream.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    let page = String::from_utf8_lossy(&out);
    assert_eq!(status(&page), "200", "{page}");
    let mut stream = TcpStream::connect(("127.0.0.2", s.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.3:{}\r\n\r\n", s.port);
    stream.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    assert_eq!(status(&String::from_utf8_lossy(&out)), "421");
    assert!(
        TcpStream::connect(("127.0.0.1", s.port)).is_err(),
        "bound to 127.0.0.2 only"
    );
}

#[test]
fn open_runs_the_system_opener_or_says_there_is_none() {
    // A stand-in opener that writes down the address it was given.
    let bin = tempfile::tempdir().unwrap();
    let record = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::join_paths([bin.path(), std::path::Path::new("/bin")]).unwrap();
    let (s, _) = serve_with(&["--open"], |_| {}, Some(&path));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !record.is_file() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let opened = std::fs::read_to_string(&record).unwrap_or_default();
    assert_eq!(opened, format!("http://127.0.0.1:{}/", s.port));
    drop(s);

    // No opener on the PATH: a note, and the site is still served.
    let empty = tempfile::tempdir().unwrap();
    let (s, said) = serve_with(&["--open"], |_| {}, Some(empty.path().as_os_str()));
    let page = get(s.port, "GET", "/", &format!("localhost:{}", s.port));
    assert_eq!(status(&page), "200", "{page}");
    assert!(!said.contains("opening"), "{said}");
}
