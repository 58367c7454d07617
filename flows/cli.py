"""``aspects learn`` and ``aspects loop``: run the Prefect flows from the command line.

Without ``PREFECT_API_URL`` the command serves Prefect's API itself, on a
thread (:mod:`flows.local_server`): no temporary server process to wait for
or to leave behind; with it (e.g. ``prefect server start`` running), runs show
in that UI.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from aspects.commands import WINDOW_HELP, add_progress_option, window_arg
from aspects.errors import AspectsError
from aspects.paths import path_text
from aspects.progress import frame_bar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("learn", help="learn videos through the Prefect flow: analyse (cached per stage) and grow the registries")
    p.add_argument("videos", nargs="+", metavar="VIDEO", help="MP4 files")
    p.add_argument("--spec", help="spec JSON for every video (default: NAME.json next to each video, when present)")
    p.add_argument("--prompt", help="the prompt the videos were generated from")
    p.add_argument("--window", type=window_arg, help=WINDOW_HELP)
    add_progress_option(p)
    p.set_defaults(func=run_learn)

    p = sub.add_parser("loop", help="learn every new video in the inbox (sidecar NAME.json = spec), then sync D1")
    p.add_argument("--inbox", help="folder to scan (default: <data_dir>/inbox)")
    p.add_argument("--window", type=window_arg, help=WINDOW_HELP)
    p.add_argument("--no-sync", action="store_true", help="do not run the D1 sync at the end")
    add_progress_option(p)
    p.set_defaults(func=run_loop)

    p = sub.add_parser("prefect-setup", help="create the Prefect work pool the deployments use and the decode concurrency limit (idempotent)")
    p.add_argument("--pool", default=POOL, help=f"work pool name (default: {POOL}, as in prefect.yaml)")
    p.add_argument("--decodes", type=int, help="decodes at once across all runs (the 'decode' tag's limit; default: settings.workers)")
    p.add_argument("--notify-url", help="a webhook (e.g. Slack's) that an automation POSTs to when a flow run fails")
    p.set_defaults(func=run_prefect_setup)

    p = sub.add_parser("watch", help="emit a Prefect event for each new video in the inbox (the learn-video deployment's trigger runs it)")
    p.add_argument("--inbox", help="folder to watch (default: <data_dir>/inbox)")
    p.add_argument("--existing", action="store_true", help="also announce the videos already there when it starts")
    p.set_defaults(func=run_watch)


POOL = "aspects"  # the work pool prefect.yaml's deployments use
DECODE_TAG = "decode"  # tasks/stages.py tags each stage's task runs with the stage's name


def _summary(state) -> dict:
    """The flow's summary, whether it completed or failed (:class:`flows.learn.RunFailed` carries it); a flow that crashed is an error."""
    result = state.result(raise_on_failure=False)
    summary = getattr(result, "summary", None)
    if isinstance(result, BaseException) and summary is None:
        raise result
    out = summary if isinstance(result, BaseException) else result
    if not isinstance(out, dict):
        raise AspectsError(f"the flow run ended without a summary: {state.message}")
    return out


# The flows module is imported when a flow command runs: importing Prefect takes
# seconds, which every other command (``aspects analyze``, ``aspects registry``) would pay.


def run_learn(args: argparse.Namespace) -> int:
    from flows.local_server import api_for_this_process

    with api_for_this_process():
        return _learn(args)


def _learn(args: argparse.Namespace) -> int:
    from flows.learn import learn_video, stage_lines

    failed = 0
    for video in args.videos:
        if not Path(video).is_file():
            raise AspectsError(f"{path_text(video)}: no such file")
        # Flow parameters travel as JSON: any file name goes as its lossless UTF-8 text form.
        spec = path_text(args.spec) if args.spec else None
        with frame_bar(args.progress, description=Path(video).name):
            state = learn_video(path_text(video), spec=spec, prompt=args.prompt, window_s=args.window, return_state=True)
        summary = _summary(state)
        print("\n".join(stage_lines(summary)))
        failed += summary["failed"]
    return 1 if failed else 0


def run_loop(args: argparse.Namespace) -> int:
    from flows.local_server import api_for_this_process

    with api_for_this_process():
        return _loop(args)


def _loop(args: argparse.Namespace) -> int:
    from flows.learn import learning_loop, stage_lines

    with frame_bar(args.progress, description="inbox"):
        state = learning_loop(inbox=args.inbox, window_s=args.window, sync=not args.no_sync, return_state=True)
    result = _summary(state)
    for summary in result["videos"]:
        print("\n".join(stage_lines(summary)))
    learned = sum(not s["failed"] for s in result["videos"])
    quarantined = sum(bool(s.get("quarantined")) for s in result["videos"])
    failed = len(result["videos"]) - learned - quarantined
    counts = f"{learned} video(s) learned" + (f", {quarantined} quarantined" if quarantined else "") + (f", {failed} failed" if failed else "")
    print(f"{result['inbox']}: {counts}" if result["videos"] else f"{result['inbox']}: nothing new")
    synced = result["sync"]
    if synced and "error" in synced:
        print(f"sync: failed: {synced['error']}")
    elif synced:
        print(f"sync: {synced['entries']} entries, {synced['observations']} observations, {synced['discoveries']} discoveries to D1 {synced['target']}")
    return 1 if failed or (synced and "error" in synced) else 0


def run_prefect_setup(args: argparse.Namespace) -> int:
    """Create (or update) the work pool and the ``decode`` tag concurrency limit on the configured Prefect API."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    from aspects.settings import get_settings
    from flows.local_server import api_for_this_process

    decodes = args.decodes or get_settings().workers
    with api_for_this_process() as url, get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=args.pool, type="process"))
            print(f"work pool {args.pool!r} (process) created on {url}")
        except ObjectAlreadyExists:
            print(f"work pool {args.pool!r} exists on {url}")
        client.create_concurrency_limit(tag=DECODE_TAG, concurrency_limit=decodes)
        print(f"tag {DECODE_TAG!r}: at most {decodes} decode(s) at once")
        if args.notify_url:
            notify_on_failure(client, args.notify_url)
            print(f"automation {NOTIFY_AUTOMATION!r}: a failed flow run POSTs to the webhook")
    return 0


NOTIFY_AUTOMATION = "aspects-failed-run-webhook"
NOTIFY_PAYLOAD = '{"flow_run": "{{ flow_run.name }}", "flow_run_id": "{{ flow_run.id }}", "state": "{{ flow_run.state.name }}", "message": {{ flow_run.state.message | tojson }}}'


def notify_on_failure(client, url: str) -> None:
    """An automation that POSTs ``NOTIFY_PAYLOAD`` to ``url`` when any flow run ends Failed or Crashed (replaces an earlier one)."""
    from prefect.automations import Automation
    from prefect.blocks.webhook import Webhook
    from prefect.events.actions import CallWebhook
    from prefect.events.schemas.automations import EventTrigger, Posture

    block_id = Webhook(url=url, method="POST", headers={"Content-Type": "application/json"}).save(NOTIFY_AUTOMATION.replace("-run", ""), overwrite=True)
    for existing in client.read_automations_by_name(NOTIFY_AUTOMATION):
        client.delete_automation(existing.id)
    Automation(
        name=NOTIFY_AUTOMATION,
        description="Tell a webhook that an mp4-aspects flow run failed",
        trigger=EventTrigger(
            match={"prefect.resource.id": "prefect.flow-run.*"},
            expect={"prefect.flow-run.Failed", "prefect.flow-run.Crashed"},
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[CallWebhook(block_document_id=block_id, payload=NOTIFY_PAYLOAD)],
    ).create()


WATCH_EVERY_S = 0.5  # seconds between two scans of the inbox
VIDEO_ADDED = "aspects.inbox.video-added"  # the event prefect.yaml's learn-video trigger expects


def run_watch(args: argparse.Namespace) -> int:
    """Scan the inbox every ``WATCH_EVERY_S``; a new ``*.mp4`` whose size held for one scan (fully written) emits ``VIDEO_ADDED``."""
    import time

    from prefect.events import emit_event

    from aspects.settings import get_settings

    inbox = Path(args.inbox or get_settings().data_dir / "inbox").resolve()
    if not inbox.is_dir():
        raise AspectsError(f"{inbox}: no such folder")
    sizes: dict[Path, int] = {}
    announced: set[Path] = set() if args.existing else set(inbox.glob("*.mp4"))
    print(f"watching {inbox} (every {WATCH_EVERY_S} s)", flush=True)
    while True:
        for video in sorted(inbox.glob("*.mp4")):
            try:
                size = video.stat().st_size
            except FileNotFoundError:
                continue
            if video not in announced and size and sizes.get(video) == size:
                emit_event(
                    event=VIDEO_ADDED,
                    resource={"prefect.resource.id": f"aspects.inbox.{video.name}", "prefect.resource.name": video.name},
                    payload={"path": str(video), "inbox": str(inbox), "size": size},
                )
                announced.add(video)
                print(f"{video.name}: announced", flush=True)
            sizes[video] = size
        time.sleep(WATCH_EVERY_S)
