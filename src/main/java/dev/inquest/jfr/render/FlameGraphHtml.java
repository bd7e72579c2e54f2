package dev.inquest.jfr.render;

import dev.inquest.format.Html;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.StackTree;
import java.io.IOException;
import java.io.Writer;

/**
 * A single HTML file that works offline: the {@link FlameSvg} graph inline plus a few lines of
 * script for click-to-zoom and regex search. Frames are kept down to a far finer width than in the
 * plain SVG because zooming makes them visible.
 */
public final class FlameGraphHtml {
    private FlameGraphHtml() {
    }

    public static void write(StackTree tree, String title, Writer out) throws IOException {
        page(FlameGraphSvg.svg(StackTreeFlame.of(tree), StackTreeFlame.unit(tree.weight()), ColorMode.KIND,
                FlameGraphSvg.heading(tree, title), true), title, out);
    }

    public static void write(DiffTree tree, String title, Writer out) throws IOException {
        page(FlameGraphSvg.svg(new DiffFlame(tree.root()), StackTreeFlame.unit(tree.weight()), ColorMode.DIFF,
                FlameGraphSvg.heading(tree, title), true), title, out);
    }

    private static void page(String svg, String title, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        out.write(Html.escape(title));
        out.write("</title>\n<style>body{margin:8px;font:13px sans-serif;background:#fbfbf8}"
                + "#bar{margin:4px 0}g.f{cursor:pointer}g.f:hover rect{stroke:#000;stroke-width:1}"
                + "#status{margin-left:12px;color:#555}</style></head><body>\n");
        out.write("<div id=\"bar\"><button id=\"reset\">Reset zoom</button> <input id=\"q\" size=\"40\""
                + " placeholder=\"search (regex), Enter\"> <button id=\"clear\">Clear</button><span id=\"status\"></span></div>\n");
        out.write(svg);
        out.write("<script>\n" + SCRIPT + "</script>\n</body></html>\n");
        out.flush();
    }

    private static final String SCRIPT = """
            (function(){
            const AW=%d, CH=%s, TP=%s, MATCH='%s';
            const gs=[...document.querySelectorAll('g.f')];
            const st=document.getElementById('status');
            const ss=[...document.querySelectorAll('rect.s')];
            gs.forEach(g=>{const r=g.querySelector('rect');g._fill=r.getAttribute('fill');
              g._x=+g.dataset.x;g._w=+g.dataset.w;g._d=+g.dataset.d;g.addEventListener('click',()=>zoom(g));});
            function label(n,w){const fit=Math.floor((w-2*TP)/CH);if(fit<3)return '';return n.length<=fit?n:n.substring(0,fit-1)+'\\u2026';}
            function draw(g,nx,nw){const r=g.querySelector('rect'),t=g.querySelector('text');
              if(nw===null){g.style.display='none';return;}g.style.display='';
              r.setAttribute('x',(nx*AW+0.5).toFixed(2));r.setAttribute('width',Math.max(0.5,nw*AW-1).toFixed(2));
              t.setAttribute('x',(nx*AW+TP).toFixed(2));t.textContent=label(g.dataset.n,nw*AW);}
            const E=1e-9;
            function zoom(z){const x0=z._x,w0=z._w,d0=z._d;ss.forEach(s=>s.style.display='none');
              for(const g of gs){
                if(g._d<d0){ if(g._x<=x0+E&&g._x+g._w>=x0+w0-E){draw(g,0,1);}else draw(g,0,null); }
                else if(g._x>=x0-E&&g._x+g._w<=x0+w0+E){draw(g,(g._x-x0)/w0,g._w/w0);} else draw(g,0,null);
              }}
            document.getElementById('reset').onclick=()=>{for(const g of gs)draw(g,g._x,g._w);ss.forEach(s=>s.style.display='');};
            function search(re){let hits=[];for(const g of gs){const m=re&&re.test(g.dataset.n);
                g.querySelector('rect').setAttribute('fill',m?MATCH:g._fill);if(m)hits.push(g);}
              hits.sort((a,b)=>a._d-b._d);const kept=[];
              for(const h of hits){if(!kept.some(k=>h._x>=k._x-E&&h._x+h._w<=k._x+k._w+E))kept.push(h);}
              const pct=kept.reduce((s,k)=>s+k._w,0)*100;
              st.textContent=re?('matched '+pct.toFixed(2)+' %% in '+hits.length+' frames'):'';}
            document.getElementById('q').addEventListener('keydown',e=>{if(e.key==='Enter'){
              try{search(e.target.value?new RegExp(e.target.value):null);}catch(x){st.textContent='bad regex: '+x.message;}}});
            document.getElementById('clear').onclick=()=>{document.getElementById('q').value='';search(null);};
            })();
            """.formatted(FlameGraphSvg.WIDTH, Double.toString(FlameSvg.CHAR_WIDTH), Double.toString(LabelFit.PAD),
            FlamePalette.hex(FlamePalette.MATCH));
}
