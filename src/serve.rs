//! `dossier serve`: build, serve the site (on 127.0.0.1 unless `--bind` says
//! otherwise), and rebuild and reload the browser when content, templates or
//! the knowledge base change; `--open` opens it in the system browser.
//!
//! The built site is the same as `dossier build` writes; the server only adds
//! a small reload script to HTML responses (and, after a failed rebuild, a
//! banner with the error), so what an analyst previews is what they publish.

use std::fs;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode, DebounceEventResult};

use crate::config;

mod address;
use address::{check_host, open_browser, Address};

/// Settings for one `dossier serve` session.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Where the site is built; a temporary folder when None, so a preview
    /// never overwrites the published `public/`.
    pub output: Option<PathBuf>,
    pub port: u16,
    /// The address to listen on (127.0.0.1 by default; `0.0.0.0` for every
    /// interface).
    pub bind: IpAddr,
    /// Build drafts too.
    pub drafts: bool,
    /// Instead of `base_url` in `site.yaml`.
    pub base_url: Option<String>,
    /// Open the site in the system browser once it is served.
    pub open: bool,
}

impl ServeOptions {
    /// The defaults of the command: 127.0.0.1, port 1111, a temporary
    /// output folder, no drafts, no browser.
    pub fn new(root: PathBuf) -> ServeOptions {
        ServeOptions {
            root,
            output: None,
            port: 1111,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            drafts: false,
            base_url: None,
            open: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {}: {message}", SocketAddr::new(*bind, *port))]
    Listen {
        bind: IpAddr,
        port: u16,
        message: String,
    },
    #[error("cannot watch {}: {message}", path.display())]
    Watch { path: PathBuf, message: String },
    #[error("cannot create a folder for the preview: {0}")]
    TempDir(io::Error),
    #[error("cannot start the rebuild thread: {0}")]
    Thread(io::Error),
}

/// What the browser needs to know: which build it shows, and whether the
/// latest rebuild failed.
struct LiveState {
    generation: AtomicU64,
    error: Mutex<Option<String>>,
}

const LIVE_PATH: &str = "/__dossier/live";

/// The rebuild thread's stack: ample for any build.
const REBUILD_STACK: usize = 64 * 1024 * 1024;

/// Builds once, then serves until the process is interrupted.
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let temp;
    let output = match &options.output {
        Some(o) => o.clone(),
        None => {
            temp = tempfile::tempdir().map_err(ServeError::TempDir)?;
            remove_on_exit(temp.path().to_path_buf());
            temp.path().join("site")
        }
    };
    let state = Arc::new(LiveState {
        generation: AtomicU64::new(0),
        error: Mutex::new(None),
    });
    let build = BuildSettings {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
    };
    rebuild(&options.root, &output, &state, &build);

    let (tx, rx) = mpsc::channel::<()>();
    let mut debouncer = new_debouncer(
        Duration::from_millis(200),
        move |res: DebounceEventResult| {
            if res.is_ok() {
                let _ = tx.send(());
            }
        },
    )
    .map_err(|e| ServeError::Watch {
        path: options.root.clone(),
        message: e.to_string(),
    })?;
    for path in watched_paths(&options.root) {
        debouncer
            .watcher()
            .watch(&path, RecursiveMode::Recursive)
            .map_err(|e| ServeError::Watch {
                path: path.clone(),
                message: e.to_string(),
            })?;
    }

    let rebuild_state = Arc::clone(&state);
    let root = options.root.clone();
    let rebuild_output = output.clone();
    // Rebuilds run on a thread with the stack a build gets on the main
    // thread and more (a spawned thread's default is 2 MiB); a rebuild that
    // panics is reported like a failed one, and the server goes on.
    std::thread::Builder::new()
        .name("dossier-rebuild".to_string())
        .stack_size(REBUILD_STACK)
        .spawn(move || {
            // The watcher also reports files being opened and read (by our own
            // build, among others), so rebuild only when what is on disk changed.
            let mut last = fingerprint(&root);
            while rx.recv().is_ok() {
                // Coalesce a burst of saves into one rebuild.
                while rx.try_recv().is_ok() {}
                let now = fingerprint(&root);
                if now != last {
                    last = now;
                    let run = std::panic::AssertUnwindSafe(|| {
                        rebuild(&root, &rebuild_output, &rebuild_state, &build)
                    });
                    if std::panic::catch_unwind(run).is_err() {
                        let message = "the build stopped on an internal error (a panic, shown above); please report it";
                        eprintln!("build failed (still serving the last good site):\nerror: {message}");
                        *rebuild_state.error.lock().unwrap_or_else(|e| e.into_inner()) =
                            Some(message.to_string());
                        rebuild_state.generation.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        })
        .map_err(ServeError::Thread)?;

    let listener =
        TcpListener::bind((options.bind, options.port)).map_err(|e| ServeError::Listen {
            bind: options.bind,
            port: options.port,
            message: e.to_string(),
        })?;
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    if options.output.is_none() {
        eprintln!("preview folder: {}", output.display());
    }
    let address = Address {
        bind: options.bind,
        port,
    };
    let url = address.url();
    eprintln!(
        "serving {} at {url} (Ctrl-C to stop)",
        options.root.display(),
    );
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines that can reach it can read the preview",
            SocketAddr::new(options.bind, port)
        );
    }
    if options.open {
        open_browser(&url);
    }
    let listener = Arc::new(listener);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let listener = Arc::clone(&listener);
            let output = output.clone();
            let state = Arc::clone(&state);
            std::thread::spawn(move || loop {
                match listener.accept() {
                    Ok((stream, _)) => {
                        // A bug in one answer must not shrink the pool.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            handle_connection(stream, address, &output, &state)
                        }));
                    }
                    // Out of file descriptors and the like: wait, do not spin.
                    Err(_) => std::thread::sleep(Duration::from_millis(50)),
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    drop(debouncer);
    Ok(())
}

/// On Ctrl-C or SIGTERM, removes the temporary preview folder and exits.
fn remove_on_exit(folder: PathBuf) {
    let handler = move || {
        // A rebuild may be writing into it right now: try a few times.
        for _ in 0..5 {
            if fs::remove_dir_all(&folder).is_ok() || !folder.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        std::process::exit(130);
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("warning: cannot catch Ctrl-C ({e}); the preview folder may stay behind");
    }
}

/// Request handlers: a client holds one only for its own request, and for
/// at most [`READ_LIMIT`] plus [`WRITE_LIMIT`] plus half a second.
const WORKERS: usize = 8;
/// The request line and headers together; more gets 431.
const MAX_HEAD: usize = 16 * 1024;
/// Time a client has to send its request line and headers; then 408.
const READ_LIMIT: Duration = Duration::from_secs(5);
/// Time a client has to take the whole response.
const WRITE_LIMIT: Duration = Duration::from_secs(10);

/// A response before it is written: the same for GET and HEAD, which
/// leaves the body out.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
}

impl Reply {
    fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            allow: status == 405,
        }
    }
}

/// Serves one request on a fresh connection, then closes it (no keep-alive,
/// so a worker is never held by an idle client).
fn handle_connection(mut stream: TcpStream, address: Address, output: &Path, state: &LiveState) {
    let started = Instant::now();
    let (reply, is_head) = match read_head(&mut stream, started + READ_LIMIT) {
        Ok(head) => {
            let reply = match check_request(&head, address) {
                Ok(()) => respond(&head.target, output, state),
                Err(status) => Reply::text(status, reason_text(status)),
            };
            (reply, head.method == "HEAD")
        }
        Err(HeadError::Closed) => return,
        Err(HeadError::Status(status)) => (Reply::text(status, reason_text(status)), false),
    };
    let _ = write_reply(&mut stream, &reply, is_head, Instant::now() + WRITE_LIMIT);
    // Read what the client may still be sending (a body we do not want), for
    // half a second at most, so closing does not reset the connection before
    // the client has read the response.
    let _ = stream.shutdown(Shutdown::Write);
    let drain_until = Instant::now() + Duration::from_millis(500);
    let mut sink = [0u8; 4096];
    for _ in 0..64 {
        let left = drain_until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// The parts of a request the server looks at.
#[derive(Debug, PartialEq)]
struct Head {
    method: String,
    target: String,
    host: Option<String>,
    hosts: usize,
}

#[derive(Debug, PartialEq)]
enum HeadError {
    /// The client went away before a whole request; nothing to answer.
    Closed,
    Status(u16),
}

/// Reads the request line and headers, at most [`MAX_HEAD`] bytes, before
/// `deadline`.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> Result<Head, HeadError> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let mut searched = 0;
    loop {
        if let Some(end) = head_end(&buf, searched) {
            return parse_head(&buf[..end]);
        }
        searched = buf.len().saturating_sub(3);
        if buf.len() >= MAX_HEAD {
            return Err(HeadError::Status(431));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::Status(408));
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(HeadError::Status(408))
            }
            Err(_) => return Err(HeadError::Closed),
        }
    }
}

/// Where the headers end (the index just past the blank line), if they do
/// within [`MAX_HEAD`]; the search starts at `from`, so reading a request
/// byte by byte costs linear time.
fn head_end(buf: &[u8], from: usize) -> Option<usize> {
    let limit = buf.len().min(MAX_HEAD);
    (from.min(limit)..limit).find_map(|i| {
        if buf[i..].starts_with(b"\r\n\r\n") {
            Some(i + 4)
        } else if buf[i..].starts_with(b"\n\n") {
            Some(i + 2)
        } else {
            None
        }
    })
}

/// Parses a request line and headers: 400 for anything malformed, 505 for
/// a version other than HTTP/1.x.
fn parse_head(bytes: &[u8]) -> Result<Head, HeadError> {
    let bad = HeadError::Status(400);
    let text = std::str::from_utf8(bytes).map_err(|_| HeadError::Status(400))?;
    let mut lines = text.lines();
    let request_line = lines.next().ok_or(HeadError::Status(400))?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    if method.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.!".contains(&b))
    {
        return Err(bad);
    }
    if !version.starts_with("HTTP/") {
        return Err(bad);
    }
    if !matches!(version, "HTTP/1.0" | "HTTP/1.1") {
        return Err(HeadError::Status(505));
    }
    let mut host = None;
    let mut hosts = 0;
    for line in lines {
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(HeadError::Status(400));
        };
        if name.eq_ignore_ascii_case("host") {
            hosts += 1;
            host = Some(value.trim().to_string());
        }
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        host,
        hosts,
    })
}

/// The request policy: only this machine's names for this port, only GET
/// and HEAD, only paths. `Err` is the status to answer with.
fn check_request(head: &Head, address: Address) -> Result<(), u16> {
    if head.hosts > 1 {
        return Err(400);
    }
    check_host(head.host.as_deref(), address)?;
    check_method(&head.method)?;
    if !head.target.starts_with('/') {
        return Err(400);
    }
    Ok(())
}

/// GET and HEAD only; everything else gets 405 with `Allow: GET, HEAD`.
fn check_method(method: &str) -> Result<(), u16> {
    match method {
        "GET" | "HEAD" => Ok(()),
        _ => Err(405),
    }
}

fn reason_text(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request: this preview answers only localhost, 127.0.0.1 and [::1] on its own port",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// Writes the status line, headers and (unless HEAD) body before `deadline`.
fn write_reply(
    stream: &mut TcpStream,
    reply: &Reply,
    head: bool,
    deadline: Instant,
) -> io::Result<()> {
    let reason = reason_text(reply.status).split(':').next().unwrap_or("");
    let mut out = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    )
    .into_bytes();
    if reply.allow {
        out.extend_from_slice(b"Allow: GET, HEAD\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if !head {
        out.extend_from_slice(&reply.body);
    }
    for chunk in out.chunks(16 * 1024) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        stream.write_all(chunk)?;
    }
    stream.flush()
}

/// The folders whose changes trigger a rebuild: content, templates,
/// static files and the raw-text source folders named in the settings.
fn watched_paths(root: &Path) -> Vec<PathBuf> {
    let mut paths = vec![
        root.join("content"),
        root.join("templates"),
        root.join(crate::ingest::STATIC_DIR),
        root.join(crate::render::i18n::I18N_DIR),
    ];
    if let Ok(config) = config::load(root) {
        paths.extend(config.sources.iter().map(|s| root.join(s)));
    }
    paths.retain(|p| p.exists());
    paths.sort();
    paths.dedup();
    paths
}

/// Path, size and modification time of every watched file, sorted: two equal
/// fingerprints mean nothing a build reads has changed.
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64, Option<std::time::SystemTime>)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => walk(&path, out),
                Ok(meta) => out.push((path, meta.len(), meta.modified().ok())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for path in watched_paths(root) {
        walk(&path, &mut out);
    }
    out.sort();
    out
}

/// What every rebuild of a session overrides.
#[derive(Debug, Clone)]
struct BuildSettings {
    drafts: bool,
    base_url: Option<String>,
}

fn rebuild(root: &Path, output: &Path, state: &LiveState, settings: &BuildSettings) {
    let started = std::time::Instant::now();
    let result = crate::pipeline::build_with_options(
        root,
        output,
        &crate::progress::Silent,
        crate::pipeline::BuildOptions {
            cache: crate::pipeline::CacheUse::ReadWrite,
            drafts: settings.drafts,
            base_url: settings.base_url.clone(),
            ..Default::default()
        },
    );
    let mut error = state.error.lock().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(report) => {
            eprintln!(
                "rebuilt: {} articles, {} events, {} files in {} ms",
                report.articles,
                report.events,
                report.files,
                started.elapsed().as_millis()
            );
            *error = None;
        }
        Err(e) => {
            eprintln!("build failed (still serving the last good site):\nerror: {e}");
            *error = Some(e.to_string());
        }
    }
    state.generation.fetch_add(1, Ordering::SeqCst);
}

fn respond(target: &str, output: &Path, state: &LiveState) -> Reply {
    let url = target.split(['?', '#']).next().unwrap_or("/");
    if url == LIVE_PATH {
        let generation = state.generation.load(Ordering::SeqCst).to_string();
        return Reply {
            status: 200,
            content_type: "text/plain; charset=utf-8",
            body: generation.into_bytes(),
            allow: false,
        };
    }
    let Some(path) = resolve_path(output, url) else {
        return not_found(output, state);
    };
    match fs::read(&path) {
        Ok(bytes) => {
            let content_type = content_type(&path);
            let body = if content_type.starts_with("text/html") {
                inject_live_reload(bytes, state)
            } else {
                bytes
            };
            Reply {
                status: 200,
                content_type,
                body,
                allow: false,
            }
        }
        Err(_) => not_found(output, state),
    }
}

fn not_found(output: &Path, state: &LiveState) -> Reply {
    let body = fs::read(output.join("404.html"))
        .unwrap_or_else(|_| b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".to_vec());
    Reply {
        status: 404,
        content_type: "text/html; charset=utf-8",
        body: inject_live_reload(body, state),
        allow: false,
    }
}

/// Maps a request path onto a file inside `output`, refusing anything that
/// would leave it. A folder means its `index.html`.
fn resolve_path(output: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut path = output.join(relative);
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Adds the reload poller (and the error banner after a failed rebuild) just
/// before `</body>`. Only the preview gets this; built files never do.
fn inject_live_reload(html: Vec<u8>, state: &LiveState) -> Vec<u8> {
    let generation = state.generation.load(Ordering::SeqCst);
    let error = state
        .error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let mut snippet = String::new();
    if let Some(error) = error {
        snippet.push_str(
            "<div role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;\
             background:#7f1d1d;color:#fff;padding:1em;font:14px/1.4 monospace;white-space:pre-wrap;z-index:9999\">\
             <strong>dossier: the last rebuild failed; showing the last good site.</strong>\n",
        );
        crate::markup::html::escape_html(&error, &mut snippet);
        snippet.push_str("</div>");
    }
    snippet.push_str(&format!(
        "<script>(function(){{var g={generation};setInterval(function(){{\
         fetch('{LIVE_PATH}',{{cache:'no-store'}}).then(function(r){{return r.text()}})\
         .then(function(t){{if(+t!==g)location.reload()}}).catch(function(){{}})}},700)}})();</script>"
    ));
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(pos) => {
            let mut out = String::with_capacity(text.len() + snippet.len());
            out.push_str(&text[..pos]);
            out.push_str(&snippet);
            out.push_str(&text[pos..]);
            out.into_bytes()
        }
        None => {
            let mut out = text.into_owned();
            out.push_str(&snippet);
            out.into_bytes()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_cannot_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), "x").unwrap();
        assert!(resolve_path(dir.path(), "/").is_some());
        assert!(resolve_path(dir.path(), "/index.html").is_some());
        assert!(resolve_path(dir.path(), "/../etc/passwd").is_none());
        assert!(resolve_path(dir.path(), "/%2e%2e/secret").is_none());
        assert!(resolve_path(dir.path(), "/missing.html").is_none());
    }

    #[test]
    fn only_get_and_head_are_allowed() {
        assert_eq!(check_method("GET"), Ok(()));
        assert_eq!(check_method("HEAD"), Ok(()));
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "get"] {
            assert_eq!(check_method(method), Err(405), "{method}");
        }
        let reply = Reply::text(405, reason_text(405));
        assert!(reply.allow, "405 carries Allow: GET, HEAD");
    }

    fn port7() -> Address {
        Address {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 7,
        }
    }

    #[test]
    fn request_heads_are_parsed_and_checked() {
        let head = parse_head(b"GET /a?b HTTP/1.1\r\nHost: localhost:7\r\n\r\n").unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/a?b");
        assert_eq!(head.host.as_deref(), Some("localhost:7"));
        assert_eq!(check_request(&head, port7()), Ok(()));
        assert_eq!(
            check_request(&head, Address { port: 8, ..port7() }),
            Err(421)
        );
        let post = parse_head(b"POST / HTTP/1.1\r\nhost: 127.0.0.1:7\r\n\r\n").unwrap();
        assert_eq!(check_request(&post, port7()), Err(405));
        let two = parse_head(b"GET / HTTP/1.1\r\nHost: localhost:7\r\nHost: evil:7\r\n\r\n");
        assert_eq!(check_request(&two.unwrap(), port7()), Err(400));
        let absolute = parse_head(b"GET http://evil/ HTTP/1.1\r\nHost: localhost:7\r\n\r\n");
        assert_eq!(check_request(&absolute.unwrap(), port7()), Err(400));
        assert_eq!(parse_head(b"GET /\r\n\r\n"), Err(HeadError::Status(400)));
        assert_eq!(
            parse_head(b"GET / HTTP/2.0\r\n\r\n"),
            Err(HeadError::Status(505))
        );
        assert_eq!(
            parse_head(b"GET / HTTP/1.1\r\nno colon\r\n\r\n"),
            Err(HeadError::Status(400))
        );
    }

    #[test]
    fn headers_end_within_the_limit_or_not_at_all() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody", 0), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n", 0), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n", 0), None);
        let mut long = b"GET / HTTP/1.1\r\nX: ".to_vec();
        long.resize(MAX_HEAD + 100, b'a');
        long.extend_from_slice(b"\r\n\r\n");
        assert_eq!(head_end(&long, 0), None, "too long is never complete");
    }

    #[test]
    fn reload_script_and_error_banner_go_before_body_end() {
        let state = LiveState {
            generation: AtomicU64::new(3),
            error: Mutex::new(Some("content/actors.yaml:4: bad <yaml>".into())),
        };
        let out = String::from_utf8(inject_live_reload(
            b"<html><body><p>x</p></body></html>".to_vec(),
            &state,
        ))
        .unwrap();
        assert!(out.contains("var g=3"));
        assert!(out.contains("bad &lt;yaml&gt;"), "error is shown, escaped");
        assert!(out.ends_with("</body></html>"));
    }
}
