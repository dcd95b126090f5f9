/**
 * Views of an {@link io.winlog.api.event.EventRecord}: {@link io.winlog.api.render.EventXml}
 * (the XML Windows' EvtRender produces) and {@link io.winlog.api.render.EventJson} (the reference
 * JSONL schema of the shared samples). Renderers are stateless visitors over the model; the model
 * never stores its XML or JSON.
 */
package io.winlog.api.render;
