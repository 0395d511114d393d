use std::path::PathBuf;

use clap::{Parser, Subcommand};
use yoursay_server::startup::{Application, Config};
use yoursay_server::telemetry;

#[derive(Parser)]
#[command(name = "yoursay-server", about = "Your Say / Dweud Eich Dweud server", args_conflicts_with_subcommands = true)]
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
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default when no command is given).
    Serve(ServeArgs),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Serve(args) => serve(args).await,
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config {
        database_url: args.db.database_url,
        bind: args.bind,
        app_dir: args.app_dir,
        secure_cookies: args.secure_cookies,
        retention_task: true,
    };
    let app = Application::build(config).await?;
    println!("Your Say is listening on http://{}", app.address);
    app.serve().await
}
