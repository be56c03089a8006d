"""``annotator serve``: the pipeline as a live service for Label Studio, INCEpTION and HTTP clients.

Needs the ``serve`` extra (FastAPI, uvicorn). Nothing here is imported by ``annotator`` itself, and
importing this package starts nothing: :func:`annotator.serve.app.create_app` builds the app, whose
lifespan starts the worker processes.
"""
