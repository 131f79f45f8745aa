"""Alerts of saved searches: new matching documents by e-mail digest and by webhook.

    capture (deliver.capture_new)   catalog documents first seen after a search's watermark, in
                                    the index, matched in Meilisearch by the search's own
                                    parameters (matching.py) → pending deliveries in the catalog
    send (deliver.send_due)         each due delivery through its channel (channels.py: SMTP,
                                    webhook POST); sent → marked sent; failed → retried with
                                    exponential backoff (deliver.backoff), the reason kept for /status

The storage and its guarantees (one capture per document and search, pending deliveries survive
restarts, a delivery marked sent only after the server took it) are in
indexer/store/saved_searches.py. `gonggao up` runs a pass after each outbox sync, `gonggao crawl`
after its sync, and `gonggao alerts send` on demand (gonggao/alerts_cmd.py wires them).

Modules: targets (checking an e-mail address and a webhook URL), matching, messages (the digest
and the webhook body), channels, deliver.
"""
