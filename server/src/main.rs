use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use yoursay_server::db;
use yoursay_server::export::{self, Destination, Format, Job};
use yoursay_server::filters::Params;
use yoursay_server::officer::password;
use yoursay_server::startup::{Application, Config};
use yoursay_server::store::{self, audit, officers};
use yoursay_server::telemetry;

#[derive(Parser)]
#[command(
    name = "yoursay-server",
    about = "Your Say / Dweud Eich Dweud server",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(clap::Args, Clone)]
struct DbArgs {
    /// sqlite://PATH?mode=rwc or postgres://USER@HOST/DB
    #[arg(long, env = "YOURSAY_DATABASE_URL", default_value = "sqlite://data/yoursay.sqlite3?mode=rwc")]
    database_url: String,
}

#[derive(clap::Args, Clone)]
struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, env = "YOURSAY_BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    /// The folder Trunk built the app into.
    #[arg(long, env = "YOURSAY_APP_DIR", default_value = "dist")]
    app_dir: PathBuf,
    /// Always mark the session cookie Secure (behind a TLS-terminating proxy that does not send X-Forwarded-Proto).
    #[arg(long, env = "YOURSAY_SECURE_COOKIES")]
    secure_cookies: bool,
    /// The address people reach the app at (`https://yoursay.council.cymru`), put in events' QR codes;
    /// without it the request's Host is used.
    #[arg(long, env = "YOURSAY_PUBLIC_URL")]
    public_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default when no command is given).
    Serve(ServeArgs),
    /// Create an officer account, or set a new password for one. The password is read from standard input.
    CreateOfficer {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        /// Read the password from standard input without a prompt (for scripts).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Copy a live SQLite database to a new file while the server keeps running (for PostgreSQL, use pg_dump).
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The new file to write (it must not exist yet).
        #[arg(long)]
        out: PathBuf,
    },
    /// Export entries as CSV or XLSX, one row per answer (the same file the console downloads).
    Export {
        #[command(flatten)]
        db: DbArgs,
        /// First day included, YYYY-MM-DD (UTC).
        #[arg(long)]
        from: Option<String>,
        /// Last day included, YYYY-MM-DD (UTC).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_parser = ["csv", "xlsx"], default_value = "csv")]
        format: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        role: Option<String>,
        /// An age band code, e.g. 11_15 (the console's "Age" filter).
        #[arg(long)]
        age_band: Option<String>,
        /// view or rating
        #[arg(long)]
        kind: Option<String>,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    telemetry::init();
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Serve(args) => serve(args).await,
        Command::CreateOfficer { db, email, password_stdin } => {
            create_officer(&db.database_url, &email, password_stdin).await
        }
        Command::Backup { db, out } => backup(&db.database_url, &out).await,
        Command::Export { db, from, to, format, out, event, role, age_band, kind } => {
            let params: Params =
                [("from", from), ("to", to), ("event", event), ("role", role), ("age_band", age_band), ("kind", kind)]
                    .into_iter()
                    .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
                    .collect();
            export(&db.database_url, &params, &format, &out).await
        }
    };
    // A plain message for the person at the terminal, not a backtrace.
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config {
        database_url: args.db.database_url,
        bind: args.bind,
        app_dir: args.app_dir,
        secure_cookies: args.secure_cookies,
        retention_task: true,
        public_url: args.public_url,
    };
    let app = Application::build(config).await?;
    println!("Your Say is listening on http://{}", app.address);
    app.serve().await
}

async fn create_officer(database_url: &str, email: &str, no_prompt: bool) -> anyhow::Result<()> {
    let email = password::Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    if !no_prompt {
        eprintln!(
            "Password for {} (at least {} characters), then Enter:",
            email.as_str(),
            password::MIN_PASSWORD_CHARS
        );
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).context("could not read the password from standard input")?;
    let secret = line.trim_end_matches(['\r', '\n']);
    password::check_new_password(secret)
        .map_err(|_| anyhow::anyhow!("the password must have at least {} characters", password::MIN_PASSWORD_CHARS))?;
    let hash = password::hash(secret)?;
    let pool = db::connect(database_url).await?;
    let created = officers::upsert(&pool, email.as_str(), &hash).await?;
    audit::record_now(
        &pool,
        audit::CLI,
        "officer_set_password",
        Some(email.as_str()),
        Some(&yoursay_core::officer::AuditFacts::Officer { created }),
    )
    .await?;
    println!("{} officer {}", if created { "Created" } else { "Changed the password of" }, email.as_str());
    Ok(())
}

async fn backup(database_url: &str, out: &std::path::Path) -> anyhow::Result<()> {
    let made = yoursay_server::backup::run(database_url, out).await?;
    println!(
        "Backed up {} entries to {} ({} bytes, integrity check ok). To restore: stop the server, delete the \
         database file and its -wal and -shm files, copy this file in its place, start the server.",
        made.entries,
        out.display(),
        made.bytes
    );
    Ok(())
}

async fn export(database_url: &str, params: &Params, format: &str, out: &std::path::Path) -> anyhow::Result<()> {
    let format = Format::parse(format).context("--format must be csv or xlsx")?;
    let job = Job::from_params(format, params, audit::CLI).map_err(|e| {
        let problem = e.problem();
        let fields: Vec<String> = problem.errors.iter().map(|f| f.message.clone()).collect();
        anyhow::anyhow!("{}", if fields.is_empty() { problem.title } else { fields.join("; ") })
    })?;
    let pool = db::connect(database_url).await?;
    let catalogue = store::catalogue::load(&pool).await?;
    let file = std::fs::File::create(out).with_context(|| format!("could not write {}", out.display()))?;
    // Rows are written to the file as they are read; nothing holds the whole export.
    let mut destination = Destination::File(file);
    let rows = export::build(&pool, &catalogue, &job, &mut destination)
        .await
        .with_context(|| format!("could not write {}", out.display()))?;
    println!("Wrote {rows} rows to {}", out.display());
    Ok(())
}
