//! `dossier serve`: build, serve the site on 127.0.0.1, and rebuild and reload
//! the browser when content, templates or the knowledge base change.
//!
//! The built site is the same as `dossier build` writes; the server only adds
//! a small reload script to HTML responses (and, after a failed rebuild, a
//! banner with the error), so what an analyst previews is what they publish.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode, DebounceEventResult};
use tiny_http::{Header, Request, Response, Server, StatusCode};

use crate::config;

/// Settings for one `dossier serve` session.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Where the site is built; a temporary folder when None, so a preview
    /// never overwrites the published `public/`.
    pub output: Option<PathBuf>,
    pub port: u16,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {message}")]
    Listen { port: u16, message: String },
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
            temp.path().join("site")
        }
    };
    let state = Arc::new(LiveState {
        generation: AtomicU64::new(0),
        error: Mutex::new(None),
    });
    rebuild(&options.root, &output, &state);

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
                        rebuild(&root, &rebuild_output, &rebuild_state)
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

    let server = Server::http(("127.0.0.1", options.port)).map_err(|e| ServeError::Listen {
        port: options.port,
        message: e.to_string(),
    })?;
    eprintln!(
        "serving {} at http://127.0.0.1:{}/ (Ctrl-C to stop)",
        options.root.display(),
        options.port
    );
    for request in server.incoming_requests() {
        let response = respond(&request, &output, &state);
        let _ = request.respond(response);
    }
    drop(debouncer);
    Ok(())
}

/// The folders whose changes trigger a rebuild: content, templates and the
/// raw-text source folders named in the settings.
fn watched_paths(root: &Path) -> Vec<PathBuf> {
    let mut paths = vec![root.join("content"), root.join("templates")];
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

fn rebuild(root: &Path, output: &Path, state: &LiveState) {
    let started = std::time::Instant::now();
    let result = crate::build(root, output);
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

fn respond(request: &Request, output: &Path, state: &LiveState) -> Response<io::Cursor<Vec<u8>>> {
    let url = request.url().split(['?', '#']).next().unwrap_or("/");
    if url == LIVE_PATH {
        let generation = state.generation.load(Ordering::SeqCst).to_string();
        return with_type(Response::from_data(generation.into_bytes()), "text/plain");
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
            with_type(Response::from_data(body), content_type)
        }
        Err(_) => not_found(output, state),
    }
}

fn not_found(output: &Path, state: &LiveState) -> Response<io::Cursor<Vec<u8>>> {
    let body = fs::read(output.join("404.html"))
        .unwrap_or_else(|_| b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".to_vec());
    with_type(
        Response::from_data(inject_live_reload(body, state)),
        "text/html; charset=utf-8",
    )
    .with_status_code(StatusCode(404))
}

fn with_type(
    response: Response<io::Cursor<Vec<u8>>>,
    content_type: &str,
) -> Response<io::Cursor<Vec<u8>>> {
    let mut response = response;
    for (name, value) in [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
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
