"""The plugin's options, as `mkdocs.yml` may set them (every one has a default):

plugins:
  - cancun_reader:
      sources: sources        # the texts and their catalog
      topics: topics          # the topic files
      cache_dir: .cache/cancun-reader   # converted texts kept between builds; "" keeps none
      publish_status: not proofread     # the least a text must be proofread in a copy with an address
      report_errors_to: ""    # where readers report an error in a text: a mailto: or a tracker's
                              # new-issue address; "" offers no link
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from cancun_reader.build.settings import CACHE_DIR, SOURCES, TOPICS
from cancun_reader.core.model import STATUSES


class ReaderConfig(base.Config):
    sources = c.Type(str, default=str(SOURCES))
    topics = c.Type(str, default=str(TOPICS))
    cache_dir = c.Type(str, default=str(CACHE_DIR))
    publish_status = c.Choice(STATUSES, default=STATUSES[0])
    report_errors_to = c.Type(str, default="")
