// mTOR Balance kitchen card. Built from frontend/ (npm run build); do not edit.
var ot=Object.defineProperty;var at=Object.getOwnPropertyDescriptor;var g=(r,t,e,s)=>{for(var n=s>1?void 0:s?at(t,e):t,i=r.length-1,o;i>=0;i--)(o=r[i])&&(n=(s?o(t,e,n):o(n))||n);return s&&n&&ot(t,e,n),n};var B=globalThis,Y=B.ShadowRoot&&(B.ShadyCSS===void 0||B.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ie=Symbol(),xe=new WeakMap,D=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==ie)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(Y&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=xe.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&xe.set(e,t))}return t}toString(){return this.cssText}},we=r=>new D(typeof r=="string"?r:r+"",void 0,ie),U=(r,...t)=>{let e=r.length===1?r[0]:t.reduce((s,n,i)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+r[i+1],r[0]);return new D(e,r,ie)},Ae=(r,t)=>{if(Y)r.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),n=B.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=e.cssText,r.appendChild(s)}},oe=Y?r=>r:r=>r instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return we(e)})(r):r;var{is:lt,defineProperty:dt,getOwnPropertyDescriptor:ct,getOwnPropertyNames:ut,getOwnPropertySymbols:pt,getPrototypeOf:ht}=Object,J=globalThis,Ee=J.trustedTypes,mt=Ee?Ee.emptyScript:"",gt=J.reactiveElementPolyfillSupport,F=(r,t)=>r,V={toAttribute(r,t){switch(t){case Boolean:r=r?mt:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,t){let e=r;switch(t){case Boolean:e=r!==null;break;case Number:e=r===null?null:Number(r);break;case Object:case Array:try{e=JSON.parse(r)}catch{e=null}}return e}},Z=(r,t)=>!lt(r,t),Se={attribute:!0,type:String,converter:V,reflect:!1,useDefault:!1,hasChanged:Z};Symbol.metadata??=Symbol("metadata"),J.litPropertyMetadata??=new WeakMap;var x=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=Se){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(t,s,e);n!==void 0&&dt(this.prototype,t,n)}}static getPropertyDescriptor(t,e,s){let{get:n,set:i}=ct(this.prototype,t)??{get(){return this[e]},set(o){this[e]=o}};return{get:n,set(o){let a=n?.call(this);i?.call(this,o),this.requestUpdate(t,a,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??Se}static _$Ei(){if(this.hasOwnProperty(F("elementProperties")))return;let t=ht(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(F("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(F("properties"))){let e=this.properties,s=[...ut(e),...pt(e)];for(let n of s)this.createProperty(n,e[n])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,n]of e)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let n=this._$Eu(e,s);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let n of s)e.unshift(oe(n))}else t!==void 0&&e.push(oe(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ae(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),n=this.constructor._$Eu(t,s);if(n!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:V).toAttribute(e,s.type);this._$Em=t,i==null?this.removeAttribute(n):this.setAttribute(n,i),this._$Em=null}}_$AK(t,e){let s=this.constructor,n=s._$Eh.get(t);if(n!==void 0&&this._$Em!==n){let i=s.getPropertyOptions(n),o=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:V;this._$Em=n;let a=o.fromAttribute(e,i.type);this[n]=a??this._$Ej?.get(n)??a,this._$Em=null}}requestUpdate(t,e,s,n=!1,i){if(t!==void 0){let o=this.constructor;if(n===!1&&(i=this[t]),s??=o.getPropertyOptions(t),!((s.hasChanged??Z)(i,e)||s.useDefault&&s.reflect&&i===this._$Ej?.get(t)&&!this.hasAttribute(o._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:n,wrapped:i},o){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,o??e??this[t]),i!==!0||o!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),n===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,i]of this._$Ep)this[n]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,i]of s){let{wrapped:o}=i,a=this[n];o!==!0||this._$AL.has(n)||a===void 0||this.C(n,void 0,i,a)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};x.elementStyles=[],x.shadowRootOptions={mode:"open"},x[F("elementProperties")]=new Map,x[F("finalized")]=new Map,gt?.({ReactiveElement:x}),(J.reactiveElementVersions??=[]).push("2.1.2");var he=globalThis,Te=r=>r,X=he.trustedTypes,ke=X?X.createPolicy("lit-html",{createHTML:r=>r}):void 0,He="$lit$",E=`lit$${Math.random().toFixed(9).slice(2)}$`,Me="?"+E,_t=`<${Me}>`,C=document,z=()=>C.createComment(""),j=r=>r===null||typeof r!="object"&&typeof r!="function",me=Array.isArray,ft=r=>me(r)||typeof r?.[Symbol.iterator]=="function",ae=`[ 	
\f\r]`,q=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Pe=/-->/g,Ce=/>/g,k=RegExp(`>|${ae}(?:([^\\s"'>=/]+)(${ae}*=${ae}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Re=/'/g,Ne=/"/g,Ie=/^(?:script|style|textarea|title)$/i,ge=r=>(t,...e)=>({_$litType$:r,strings:t,values:e}),l=ge(1),jt=ge(2),Gt=ge(3),R=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),Le=new WeakMap,P=C.createTreeWalker(C,129);function Oe(r,t){if(!me(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return ke!==void 0?ke.createHTML(t):t}var yt=(r,t)=>{let e=r.length-1,s=[],n,i=t===2?"<svg>":t===3?"<math>":"",o=q;for(let a=0;a<e;a++){let d=r[a],u,h,p=-1,y=0;for(;y<d.length&&(o.lastIndex=y,h=o.exec(d),h!==null);)y=o.lastIndex,o===q?h[1]==="!--"?o=Pe:h[1]!==void 0?o=Ce:h[2]!==void 0?(Ie.test(h[2])&&(n=RegExp("</"+h[2],"g")),o=k):h[3]!==void 0&&(o=k):o===k?h[0]===">"?(o=n??q,p=-1):h[1]===void 0?p=-2:(p=o.lastIndex-h[2].length,u=h[1],o=h[3]===void 0?k:h[3]==='"'?Ne:Re):o===Ne||o===Re?o=k:o===Pe||o===Ce?o=q:(o=k,n=void 0);let v=o===k&&r[a+1].startsWith("/>")?" ":"";i+=o===q?d+_t:p>=0?(s.push(u),d.slice(0,p)+He+d.slice(p)+E+v):d+E+(p===-2?a:v)}return[Oe(r,i+(r[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},G=class r{constructor({strings:t,_$litType$:e},s){let n;this.parts=[];let i=0,o=0,a=t.length-1,d=this.parts,[u,h]=yt(t,e);if(this.el=r.createElement(u,s),P.currentNode=this.el.content,e===2||e===3){let p=this.el.content.firstChild;p.replaceWith(...p.childNodes)}for(;(n=P.nextNode())!==null&&d.length<a;){if(n.nodeType===1){if(n.hasAttributes())for(let p of n.getAttributeNames())if(p.endsWith(He)){let y=h[o++],v=n.getAttribute(p).split(E),T=/([.?@])?(.*)/.exec(y);d.push({type:1,index:i,name:T[2],strings:v,ctor:T[1]==="."?de:T[1]==="?"?ce:T[1]==="@"?ue:H}),n.removeAttribute(p)}else p.startsWith(E)&&(d.push({type:6,index:i}),n.removeAttribute(p));if(Ie.test(n.tagName)){let p=n.textContent.split(E),y=p.length-1;if(y>0){n.textContent=X?X.emptyScript:"";for(let v=0;v<y;v++)n.append(p[v],z()),P.nextNode(),d.push({type:2,index:++i});n.append(p[y],z())}}}else if(n.nodeType===8)if(n.data===Me)d.push({type:2,index:i});else{let p=-1;for(;(p=n.data.indexOf(E,p+1))!==-1;)d.push({type:7,index:i}),p+=E.length-1}i++}}static createElement(t,e){let s=C.createElement("template");return s.innerHTML=t,s}};function L(r,t,e=r,s){if(t===R)return t;let n=s!==void 0?e._$Co?.[s]:e._$Cl,i=j(t)?void 0:t._$litDirective$;return n?.constructor!==i&&(n?._$AO?.(!1),i===void 0?n=void 0:(n=new i(r),n._$AT(r,e,s)),s!==void 0?(e._$Co??=[])[s]=n:e._$Cl=n),n!==void 0&&(t=L(r,n._$AS(r,t.values),n,s)),t}var le=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,n=(t?.creationScope??C).importNode(e,!0);P.currentNode=n;let i=P.nextNode(),o=0,a=0,d=s[0];for(;d!==void 0;){if(o===d.index){let u;d.type===2?u=new K(i,i.nextSibling,this,t):d.type===1?u=new d.ctor(i,d.name,d.strings,this,t):d.type===6&&(u=new pe(i,this,t)),this._$AV.push(u),d=s[++a]}o!==d?.index&&(i=P.nextNode(),o++)}return P.currentNode=C,n}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},K=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,n){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=L(this,t,e),j(t)?t===c||t==null||t===""?(this._$AH!==c&&this._$AR(),this._$AH=c):t!==this._$AH&&t!==R&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):ft(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==c&&j(this._$AH)?this._$AA.nextSibling.data=t:this.T(C.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,n=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=G.createElement(Oe(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(e);else{let i=new le(n,this),o=i.u(this.options);i.p(e),this.T(o),this._$AH=i}}_$AC(t){let e=Le.get(t.strings);return e===void 0&&Le.set(t.strings,e=new G(t)),e}k(t){me(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,n=0;for(let i of t)n===e.length?e.push(s=new r(this.O(z()),this.O(z()),this,this.options)):s=e[n],s._$AI(i),n++;n<e.length&&(this._$AR(s&&s._$AB.nextSibling,n),e.length=n)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=Te(t).nextSibling;Te(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},H=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,n,i){this.type=1,this._$AH=c,this._$AN=void 0,this.element=t,this.name=e,this._$AM=n,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=c}_$AI(t,e=this,s,n){let i=this.strings,o=!1;if(i===void 0)t=L(this,t,e,0),o=!j(t)||t!==this._$AH&&t!==R,o&&(this._$AH=t);else{let a=t,d,u;for(t=i[0],d=0;d<i.length-1;d++)u=L(this,a[s+d],e,d),u===R&&(u=this._$AH[d]),o||=!j(u)||u!==this._$AH[d],u===c?t=c:t!==c&&(t+=(u??"")+i[d+1]),this._$AH[d]=u}o&&!n&&this.j(t)}j(t){t===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},de=class extends H{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===c?void 0:t}},ce=class extends H{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==c)}},ue=class extends H{constructor(t,e,s,n,i){super(t,e,s,n,i),this.type=5}_$AI(t,e=this){if((t=L(this,t,e,0)??c)===R)return;let s=this._$AH,n=t===c&&s!==c||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,i=t!==c&&(s===c||n);n&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},pe=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){L(this,t)}};var vt=he.litHtmlPolyfillSupport;vt?.(G,K),(he.litHtmlVersions??=[]).push("3.3.3");var De=(r,t,e)=>{let s=e?.renderBefore??t,n=s._$litPart$;if(n===void 0){let i=e?.renderBefore??null;s._$litPart$=n=new K(t.insertBefore(z(),i),i,void 0,e??{})}return n._$AI(r),n};var _e=globalThis,$=class extends x{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=De(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return R}};$._$litElement$=!0,$.finalized=!0,_e.litElementHydrateSupport?.({LitElement:$});var bt=_e.litElementPolyfillSupport;bt?.({LitElement:$});(_e.litElementVersions??=[]).push("4.2.2");var $t={attribute:!0,type:String,converter:V,reflect:!1,hasChanged:Z},xt=(r=$t,t,e)=>{let{kind:s,metadata:n}=e,i=globalThis.litPropertyMetadata.get(n);if(i===void 0&&globalThis.litPropertyMetadata.set(n,i=new Map),s==="setter"&&((r=Object.create(r)).wrapped=!0),i.set(e.name,r),s==="accessor"){let{name:o}=e;return{set(a){let d=t.get.call(this);t.set.call(this,a),this.requestUpdate(o,d,r,!0,a)},init(a){return a!==void 0&&this.C(o,void 0,r,a),a}}}if(s==="setter"){let{name:o}=e;return function(a){let d=this[o];t.call(this,a),this.requestUpdate(o,d,r,!0,a)}}throw Error("Unsupported decorator location: "+s)};function M(r){return(t,e)=>typeof e=="object"?xt(r,t,e):((s,n,i)=>{let o=n.hasOwnProperty(i);return n.constructor.createProperty(i,s),o?Object.getOwnPropertyDescriptor(n,i):void 0})(r,t,e)}function f(r){return M({...r,state:!0,attribute:!1})}var N="mtor_balance";async function ee(r){let t=await r.callWS({type:`${N}/people`});return Array.isArray(t?.people)?t.people:[]}function Fe(r,t,e,s){return r.connection.subscribeMessage(s,{type:`${N}/subscribe_today`,entry_id:t,language:e})}async function Ve(r,t,e,s){let n=await r.callWS({type:`${N}/search_foods`,entry_id:t,query:e,language:s,limit:12});return Array.isArray(n?.foods)?n.foods:[]}async function qe(r,t,e){await r.callWS({type:`${N}/select_food`,entry_id:t,food_id:e})}async function te(r,t,e){return(await r.callWS({type:`${N}/${t}`,...e}))?.entry??null}function ze(r,t,e){return te(r,"log_portion",{entry_id:t,food_id:e})}function je(r,t,e,s){return te(r,"log_food",{entry_id:t,food_id:e,grams:s})}function fe(r,t,e){return te(r,"delete_entry",{entry_id:t,log_entry_id:e})}function Ge(r,t){return te(r,"undo",{entry_id:t})}var Ue=new Map;function Ke(r){if(!r.loadBackendTranslation)return Promise.resolve(r.localize);let t=r.language??"",e=Ue.get(t);return e||(e=r.loadBackendTranslation("exceptions",N).catch(()=>{}),Ue.set(t,e)),e}function se(r,t,e){let s=t??{};if(s.translation_key&&r){let n=s.translation_domain||N,i=r(`component.${n}.exceptions.${s.translation_key}.message`,s.translation_placeholders??{});if(i)return i}return typeof s.message=="string"&&s.message?s.message:t instanceof Error&&t.message?t.message:e}var wt={g:1,kg:1e3,mg:.001,µg:1e-6,μg:1e-6,oz:28.349523125,lb:453.59237,st:6350.293180000001};function We(r){if(!r||r.state==="unknown"||r.state==="unavailable"||r.state.trim()==="")return null;let t=Number(r.state);if(!Number.isFinite(t))return null;let e=r.attributes.unit_of_measurement,s=wt[typeof e=="string"?e:"g"];return s===void 0?null:t*s}function Be(r,t){return r/100*t}function ne(r,t){return Be(t,r.leucine_g)}function Ye(r,t){return Be(t,r.protein_g)}function b(r){return r?.locale?.language||r?.language||"en"}function At(r,t){try{return new Intl.NumberFormat(r,{maximumFractionDigits:t,minimumFractionDigits:0})}catch{return new Intl.NumberFormat("en",{maximumFractionDigits:t})}}function Je(r,t,e=1){return At(t,e).format(r)}function w(r,t){return`${Je(r,t,Math.abs(r)<10?1:0)} g`}function m(r,t,e=1){return`${Je(r,t,e)} g`}function Et(r){return r?.locale?.time_zone==="server"?r.config?.time_zone:void 0}function ye(r,t,e){let s=Et(t);try{return new Intl.DateTimeFormat(b(t),{...e,timeZone:s}).format(r)}catch{return new Intl.DateTimeFormat("en",e).format(r)}}function St(r){let t=r?.locale?.time_format;if(t==="12"||t==="24")return t==="12";try{let e=t==="system"?void 0:b(r),{hourCycle:s}=new Intl.DateTimeFormat(e,{hour:"numeric"}).resolvedOptions();return s==="h11"||s==="h12"}catch{return!1}}function I(r,t,e){if(!r)return"";let s=new Date(r);if(Number.isNaN(s.getTime()))return"";let n=St(t),i={hour:n?"numeric":"2-digit",minute:"2-digit",hour12:n};if(e!==void 0){let o={year:"numeric",month:"numeric",day:"numeric"};ye(s,t,o)!==ye(new Date(e),t,o)&&(i.weekday="short")}return ye(s,t,i)}function Ze(r,t){if(!r)return null;let e=Date.parse(r);return Number.isNaN(e)?null:Math.max(0,(t-e)/36e5)}function Xe(r){let t=Math.floor(r*60);return{h:Math.floor(t/60),m:t%60}}var Tt={card_name:"mTOR Balance kitchen card",card_description:"Weigh, choose the food, done: the live scale, one-tap foods, today's meals and the next meal.",loading:"Loading…",no_people:"No person is set up in mTOR Balance yet. Add one under Settings → Devices & services.",person:"Person",people:"People",everyone:"Everyone in the household",title:"Title",dismiss:"Dismiss",error:"Something went wrong.",scale_none:"No scale is set for {name}: choose a food and enter the grams.",scale_unavailable:"The scale is not available.",on_scale:"On the scale",empty:"Put the food on the scale",settling:"Holding steady…",settled:"Settled",choose_food:"Choose the food",selected:"Selected",put_on_scale:"Put it on the scale; choosing a food again replaces it.",log_on_removal:"Take it off the scale to log it.",log_portion:"Log {grams}",grams:"Grams",log:"Log",logged:"Logged {grams} {food}.",logged_short:"Logged",undo:"Undo",undo_last:"Undo the last entry",undone:"Removed {food}.",deleted:"Deleted {food}.",search:"Search foods",search_placeholder:"Search foods, e.g. cottage cheese",searching:"Searching…",no_results:"No food matches “{query}”.",suggestions:"Suggestions",predicted:"Usual now",favorite:"Favourite",recent:"Recent",own_food:"own food",usually:"usually {grams}",tap_to_log:"Tap a food to log the {grams} on the scale.",leucine:"Leucine",protein:"Protein",per_meal_target:"of {target} per meal",with_meal:"the meal with it: {value} of {target}",per_100g:"per 100 g",estimated:"estimated",estimated_hint:"Leucine estimated from protein",today:"Today",no_entries:"Nothing logged today.",meal_at:"Meal at {time}",at_target:"at target",below_target:"below target",delete_entry:"Delete {food} ({grams}) from {time}",confirm_delete:"Delete",cancel:"Cancel",meals_at_target:"Meals at target",count_of_total:"{count} of {total}",totals:"{leucine} leucine · {protein} of {target} protein today",next_meal:"Next meal",next_meal_at:"around {time}",aim_for:"Aim for {leucine} leucine and {protein} protein.",add_now:"Add about {protein} protein to this meal now.",behind:"Behind on today's protein: {protein} left for {meals} meal(s).",why:"Why: {rule}",window_closes:"The eating window closes at {time}.",fasting:"Fasting",fasting_progress:"{hours} of {goal}",fasting_since:"since {time}",goal_reached:"goal reached",meal_in_progress:"Meal in progress",no_meal_yet:"No meal logged yet",hours_minutes:"{h} h {m} min",hours:"{h} h"},kt={card_name:"mTOR Balance köksmodul",card_description:"Väg, välj maten, klart: vågen live, mat med ett tryck, dagens måltider och nästa måltid.",loading:"Laddar…",no_people:"Ingen person är inlagd i mTOR Balance än. Lägg till en under Inställningar → Enheter och tjänster.",person:"Person",people:"Personer",everyone:"Alla i hushållet",title:"Rubrik",dismiss:"Stäng",error:"Något gick fel.",scale_none:"Ingen våg är vald för {name}: välj en mat och skriv in grammen.",scale_unavailable:"Vågen är inte tillgänglig.",on_scale:"På vågen",empty:"Lägg maten på vågen",settling:"Håller stilla…",settled:"Stilla",choose_food:"Välj maten",selected:"Vald",put_on_scale:"Lägg den på vågen; väljer du en mat igen ersätter den.",log_on_removal:"Ta av den från vågen så loggas den.",log_portion:"Logga {grams}",grams:"Gram",log:"Logga",logged:"Loggade {grams} {food}.",logged_short:"Loggad",undo:"Ångra",undo_last:"Ångra senaste posten",undone:"Tog bort {food}.",deleted:"Raderade {food}.",search:"Sök mat",search_placeholder:"Sök mat, t.ex. keso",searching:"Söker…",no_results:"Ingen mat matchar ”{query}”.",suggestions:"Förslag",predicted:"Brukar nu",favorite:"Favorit",recent:"Senaste",own_food:"egen mat",usually:"brukar {grams}",tap_to_log:"Tryck på en mat för att logga de {grams} på vågen.",leucine:"Leucin",protein:"Protein",per_meal_target:"av {target} per måltid",with_meal:"måltiden med den: {value} av {target}",per_100g:"per 100 g",estimated:"uppskattat",estimated_hint:"Leucin uppskattat från protein",today:"Idag",no_entries:"Inget loggat idag.",meal_at:"Måltid kl. {time}",at_target:"når målet",below_target:"under målet",delete_entry:"Radera {food} ({grams}) från {time}",confirm_delete:"Radera",cancel:"Avbryt",meals_at_target:"Måltider som når målet",count_of_total:"{count} av {total}",totals:"{leucine} leucin · {protein} av {target} protein idag",next_meal:"Nästa måltid",next_meal_at:"runt {time}",aim_for:"Sikta på {leucine} leucin och {protein} protein.",add_now:"Lägg till cirka {protein} protein i måltiden nu.",behind:"Efter med dagens protein: {protein} kvar på {meals} måltid(er).",why:"Varför: {rule}",window_closes:"Ätfönstret stänger kl. {time}.",fasting:"Fasta",fasting_progress:"{hours} av {goal}",fasting_since:"sedan {time}",goal_reached:"målet nått",meal_in_progress:"Måltid pågår",no_meal_yet:"Ingen måltid loggad än",hours_minutes:"{h} h {m} min",hours:"{h} h"},Pt={en:Tt,sv:kt};function Ct(r){return(r??"").toLowerCase().startsWith("sv")?"sv":"en"}function S(r){let t=Pt[Ct(r)];return(e,s)=>t[e].replace(/\{(\w+)\}/g,(n,i)=>s&&i in s?String(s[i]):n)}function ve(r,t){return Math.abs(r-t)<=Math.max(3,Math.abs(t)*.02)}function O(r,t){let e=r?.portion;return!e||!Number.isFinite(e.grams)||e.grams<=0||t!==null&&!ve(t,e.grams)?null:e.grams}function Qe(r,t){return O(r,t)===null?"select_food":"log_portion"}function et(r,t=10){let e=[],s=new Set,n=(o,a,d)=>{!o||typeof o.id!="string"||s.has(o.id)||e.length>=t||(s.add(o.id),e.push({food:o,kind:a,grams:d}))},i=r?.chips??{};for(let o of i.predicted??[])n(o?.food,"predicted",typeof o?.grams=="number"?o.grams:null);for(let o of i.favorites??[])n(o,"favorite",null);for(let o of i.recent??[])n(o,"recent",null);return e}function tt(r,t){let e=(r?.chips?.predicted??[]).find(s=>s?.food?.id===t);return typeof e?.grams=="number"?e.grams:null}var st=U`
  :host {
    display: block;
  }
  ha-card {
    overflow: hidden;
  }
  .card {
    container: mtor / inline-size;
    padding: 16px;
    color: var(--primary-text-color);
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  h2 {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 400;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 1rem;
    font-weight: 500;
    color: var(--secondary-text-color);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .muted {
    color: var(--secondary-text-color);
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .person,
  .chip,
  .secondary-button {
    min-height: 44px;
    padding: 6px 14px;
    border-radius: 22px;
    border: 1px solid var(--divider-color);
    background: var(--card-background-color);
  }
  .person[aria-pressed="true"] {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  .layout {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 1fr);
  }
  @container mtor (min-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .panel {
    border: 1px solid var(--divider-color);
    border-radius: 12px;
    padding: 12px 14px;
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
  }
  .weight {
    font-size: 3rem;
    font-weight: 300;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: 0.875rem;
    border: 1px solid var(--divider-color);
    color: var(--secondary-text-color);
  }
  .badge.settled {
    border-color: var(--success-color);
    color: var(--success-color);
    font-weight: 500;
  }
  .badge.good {
    border-color: var(--success-color);
    color: var(--success-color);
  }
  .scale-status {
    flex-basis: 100%;
  }
  .food {
    margin-top: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .food-name {
    font-size: 1.25rem;
    font-weight: 500;
  }
  .nutrients {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 6px 12px;
    align-items: center;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 500;
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--divider-color);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--warning-color);
    border-radius: 4px;
  }
  .bar.full > span {
    background: var(--success-color);
  }
  .primary-button {
    min-height: 48px;
    padding: 8px 20px;
    border-radius: 24px;
    border: none;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    font-weight: 500;
  }
  .secondary-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .grams-input {
    width: 6em;
  }
  input {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    min-height: 44px;
    padding: 0 12px;
    box-sizing: border-box;
  }
  .search {
    width: 100%;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    text-align: start;
    max-width: 100%;
  }
  .chip[aria-pressed="true"] {
    border-color: var(--primary-color);
    box-shadow: inset 0 0 0 1px var(--primary-color);
  }
  .chip ha-icon,
  .secondary-button ha-icon {
    --mdc-icon-size: 18px;
    color: var(--secondary-text-color);
  }
  .chip .sub {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    white-space: nowrap;
  }
  .results {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    overflow: hidden;
  }
  .results li + li {
    border-top: 1px solid var(--divider-color);
  }
  .result {
    width: 100%;
    min-height: 48px;
    padding: 8px 12px;
    border: none;
    background: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    text-align: start;
  }
  .result:hover,
  .chip:hover:not(:disabled) {
    background: var(--secondary-background-color);
  }
  .result .other {
    display: block;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .result .sub {
    color: var(--secondary-text-color);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .stats {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .stat.next-meal {
    grid-column: 1 / -1;
  }
  .stat .big {
    font-size: 1.5rem;
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .dots {
    display: flex;
    gap: 6px;
    margin-top: 6px;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    border: 2px solid var(--divider-color);
    box-sizing: border-box;
  }
  .dot.on {
    background: var(--success-color);
    border-color: var(--success-color);
  }
  .meals {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .meal-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 8px;
    font-weight: 500;
    padding-bottom: 4px;
    border-bottom: 1px solid var(--divider-color);
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry {
    display: grid;
    grid-template-columns: 3.2em minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 8px;
    min-height: 48px;
  }
  .entry .name {
    overflow-wrap: anywhere;
  }
  .entry .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .icon-button {
    width: 44px;
    height: 44px;
    border-radius: 50%;
    border: none;
    background: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    color: var(--secondary-text-color);
  }
  .icon-button:hover {
    background: var(--secondary-background-color);
  }
  .confirm {
    grid-column: 1 / -1;
    justify-content: flex-end;
    padding-bottom: 8px;
  }
  .danger {
    background: var(--error-color);
    color: var(--text-primary-color, #fff);
    border: none;
  }
  .est {
    color: var(--warning-color);
    font-weight: 500;
    cursor: help;
  }
  .notice,
  .error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    border-radius: 8px;
    padding: 4px 4px 4px 12px;
    min-height: 44px;
  }
  .notice {
    border: 1px solid var(--success-color);
  }
  .error {
    border: 1px solid var(--error-color);
    color: var(--error-color);
  }
  .link-button {
    min-height: 40px;
    padding: 4px 12px;
    border: none;
    border-radius: 20px;
    background: none;
    color: var(--primary-color);
    font-weight: 500;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }
`;var W="mtor-balance-card",re="mtor-balance-card-editor",Rt=250,Nt=3e4,Lt=1e4,Ht=120,nt="mtor-balance-card.person";function Mt(){try{return window.localStorage.getItem(nt)}catch{return null}}function It(r){try{window.localStorage.setItem(nt,r)}catch{}}var _=class extends ${constructor(){super(...arguments);this._query="";this._searching=!1;this._busy=!1;this._manualGrams="";this._now=Date.now();this._loadingPeople=!1;this._searchSeq=0}static getConfigElement(){return document.createElement(re)}static getStubConfig(){return{}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");if(e.entry_id!==void 0&&typeof e.entry_id!="string")throw new Error("entry_id must be a config entry ID (text)");let s=e.entry_id||void 0;this._config&&(this._config.entry_id||void 0)!==s&&(this._resetPerson(),this._people=void 0),this._config=e,s&&(this._personId=s)}getCardSize(){return 10}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._clock=setInterval(()=>{this._now=Date.now()},Nt),this._sync()}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this._clock),clearTimeout(this._searchTimer),clearTimeout(this._noticeTimer),this._unsubscribeView()}shouldUpdate(e){let s=e.get("hass");if(e.size!==1||!s||!this.hass)return!0;let n=this._view?.scale_entity;return!!n&&s.states[n]!==this.hass.states[n]||b(s)!==b(this.hass)||s.localize!==this.hass.localize}willUpdate(e){(e.has("hass")||e.has("_config")||e.has("_personId"))&&this._sync()}updated(){if(this._loggedGrams!==void 0){let e=this._live();(e===null||e<2)&&(this._loggedGrams=void 0)}}get _t(){return S(b(this.hass))}get _lang(){return b(this.hass)}_sync(){if(!this.hass||!this._config||!this.isConnected)return;if(!this._config.entry_id&&this._people===void 0){this._loadPeople();return}if(!this._personId)return;let e=`${this._personId}|${this._lang}`;e!==this._subscribedKey&&this._subscribe(this._personId,e)}async _loadPeople(){if(!(this._loadingPeople||!this.hass)){this._loadingPeople=!0;try{let e=await ee(this.hass);this._people=e;let s=Mt(),n=e.find(i=>i.entry_id===this._personId)??e.find(i=>i.entry_id===s)??e[0];this._personId=n?.entry_id}catch(e){this._people=[],this._showError(e)}finally{this._loadingPeople=!1}}}_subscribe(e,s){this.hass&&(this._unsubscribeView(),this._subscribedKey=s,this._view=void 0,this._knownEntries=void 0,this._unsubscribe=Fe(this.hass,e,this._lang,n=>{this._subscribedKey===s&&this._receive(n)}).catch(n=>{this._subscribedKey===s&&this._showError(n)}))}_unsubscribeView(){let e=this._unsubscribe;this._unsubscribe=void 0,this._subscribedKey=void 0,e?.then(s=>s?.()).catch(()=>{})}_resetPerson(){this._unsubscribeView(),this._view=void 0,this._knownEntries=void 0,this._notice=void 0,this._confirmDelete=void 0,this._clearSearch()}_receive(e){let s=Array.isArray(e.entries)?e.entries:[];if(this._knownEntries){let n=s.filter(o=>!this._knownEntries?.has(o.entry_id)&&Math.abs(Date.now()-Date.parse(o.time))<Ht*1e3),i=n[n.length-1];i&&this._announceLogged(i)}this._knownEntries=new Set(s.map(n=>n.entry_id)),this._confirmDelete&&!this._knownEntries.has(this._confirmDelete)&&(this._confirmDelete=void 0),this._view=e}_live(){let e=this._view?.scale_entity;return e?We(this.hass?.states[e]):null}async _run(e){if(!this._busy){this._busy=!0,this._error=void 0;try{return await e()}catch(s){await this._showError(s);return}finally{this._busy=!1}}}async _pick(e){let s=this.hass,n=this._personId;if(!s||!n)return;let i=O(this._view,this._live());if(Qe(this._view,this._live())==="log_portion"){let a=await this._run(()=>ze(s,n,e.id));a&&(this._loggedGrams=i??void 0,this._announceLogged(a),this._clearSearch());return}if(await this._run(async()=>(await qe(s,n,e.id),!0))){let a=tt(this._view,e.id);this._manualGrams=a===null?"":String(Math.round(a)),this._clearSearch()}}async _logSettled(){let e=this._view?.portion?.food??this._view?.selected_food;e&&await this._pick(e)}async _logManual(e){e.preventDefault();let s=this.hass,n=this._personId,i=this._view?.selected_food,o=Number(this._manualGrams.replace(",","."));if(!s||!n||!i||!Number.isFinite(o)||o<=0)return;let a=await this._run(()=>je(s,n,i.id,o));a&&this._announceLogged(a)}async _delete(e){let s=this.hass,n=this._personId;if(!s||!n)return;this._confirmDelete=void 0;let i=await this._run(()=>fe(s,n,e.entry_id));i&&this._setNotice({key:"deleted",values:{food:i.name}})}async _undoLast(){let e=this.hass,s=this._personId;if(!e||!s)return;let n=await this._run(()=>Ge(e,s));n&&this._setNotice({key:"undone",values:{food:n.name}})}async _undoNotice(){let e=this._notice?.undoEntry,s=this.hass,n=this._personId;if(!e||!s||!n)return;let i=await this._run(()=>fe(s,n,e));i&&(this._loggedGrams=void 0,this._setNotice({key:"undone",values:{food:i.name}}))}_announceLogged(e){this._setNotice({key:"logged",values:{grams:typeof e.grams=="number"?w(e.grams,this._lang):"",food:e.name},undoEntry:e.entry_id})}_setNotice(e){clearTimeout(this._noticeTimer),this._notice=e,e&&(this._noticeTimer=setTimeout(()=>{this._notice=void 0},Lt))}async _showError(e){let s=this.hass?await Ke(this.hass):void 0;this._error=se(s??this.hass?.localize,e,this._t("error"))}_choosePerson(e){e!==this._personId&&(this._resetPerson(),this._error=void 0,this._personId=e,It(e))}_onSearchInput(e){this._query=e.target.value,clearTimeout(this._searchTimer);let s=this._query.trim();if(!s){this._clearSearch();return}this._searchTimer=setTimeout(()=>{this._search(s)},Rt)}_onSearchKey(e){e.key==="Escape"?this._clearSearch():e.key==="Enter"&&this._results?.length&&(e.preventDefault(),this._pickResult(this._results[0],!0))}async _pickResult(e,s){await this._pick(e),s&&(await this.updateComplete,this.renderRoot.querySelector("input.search")?.focus())}async _search(e){let s=this.hass,n=this._personId;if(!s||!n)return;let i=++this._searchSeq;this._searching=!0;try{let o=await Ve(s,n,e,this._lang);i===this._searchSeq&&(this._results=o)}catch(o){i===this._searchSeq&&(this._results=[],await this._showError(o))}finally{i===this._searchSeq&&(this._searching=!1)}}_clearSearch(){clearTimeout(this._searchTimer),this._searchSeq++,this._query="",this._results=void 0,this._searching=!1}render(){let e=this._t,s=!this._config?.entry_id,n=this._people??[],i=this._config?.title??(s&&n.length>1?"":this._view?.name??"");return l`
      <ha-card>
        <div class="card" lang=${this._lang}>
          ${i||s&&n.length>1?l`<header>
                  ${i?l`<h2>${i}</h2>`:c}
                  ${s&&n.length>1?this._renderPeople(n):c}
                </header>`:c}
          ${this._error?l`<div class="error" role="alert">
                  <span>${this._error}</span>
                  <button class="link-button" @click=${()=>this._error=void 0}>
                    ${e("dismiss")}
                  </button>
                </div>`:c}
          ${this._renderBody()}
        </div>
      </ha-card>
    `}_renderPeople(e){return l`<div class="people" role="group" aria-label=${this._t("people")}>
      ${e.map(s=>l`<button
            class="person"
            aria-pressed=${s.entry_id===this._personId?"true":"false"}
            @click=${()=>this._choosePerson(s.entry_id)}
          >
            ${s.name}
          </button>`)}
    </div>`}_renderBody(){let e=this._t;if(!this._config?.entry_id&&this._people!==void 0&&this._people.length===0)return l`<p class="muted">${e("no_people")}</p>`;let s=this._view;return s?l`
      <div class="layout">
        <section class="weigh">
          ${this._renderScale(s)} ${this._renderChooser(s)}
          ${this._notice?this._renderNotice(this._notice):c}
        </section>
        <section class="day">${this._renderStatus(s)} ${this._renderToday(s)}</section>
      </div>
    `:this._error?c:l`<p class="muted">${e("loading")}</p>`}_renderNotice(e){return l`<div class="notice" role="status">
      <span>${this._t(e.key,e.values)}</span>
      ${e.undoEntry?l`<button
              class="link-button undo-notice"
              ?disabled=${this._busy}
              @click=${this._undoNotice}
            >
              ${this._t("undo")}
            </button>`:c}
    </div>`}_renderScale(e){let s=this._t,n=this._lang,i=e.scale_entity,o=this._live(),a=O(e,o),d=e.portion?.food??e.selected_food??null,u;i?a!==null?u=l`<span class="badge settled" data-settled=${a}>
        ${s("settled")} · ${w(a,n)}
      </span>`:o===null?u=l`<span class="muted">${s("scale_unavailable")}</span>`:o<2?u=l`<span class="muted">${s("empty")}</span>`:this._loggedGrams!==void 0&&ve(o,this._loggedGrams)?u=l`<span class="badge good"
        >✓ ${s("logged_short")} · ${w(this._loggedGrams,n)}</span
      >`:u=l`<span class="badge">${s("settling")}</span>`:u=l`<span class="muted">${s("scale_none",{name:e.name})}</span>`;let h=a??(o!==null&&o>=2&&this._loggedGrams===void 0?o:null);return l`<div class="panel">
      <div class="scale" role="group" aria-label=${s("on_scale")}>
        ${i?l`<span class="weight" aria-live="off"
                >${o===null?"–":w(Math.max(0,o),n)}</span
              >`:c}
        <span class="scale-status" aria-live="polite">${u}</span>
      </div>
      ${d?this._renderFood(e,d,h,a):a!==null?l`<p class="food muted">
                ${s("tap_to_log",{grams:w(a,n)})}
              </p>`:c}
    </div>`}_renderFood(e,s,n,i){let o=this._t,a=this._lang,d=e.targets?.leucine_per_meal_g??0,u=n===null?null:ne(s,n),h=n===null?null:Ye(s,n),p=e.meals??[],y=e.fasting&&!e.fasting.fasting?p[p.length-1]:void 0,v=y&&u!==null?y.leucine_g+u:null,T=d>0&&u!==null?Math.min(1,(v??u)/d):0,rt=s.leucine_estimated?this._estimated():c,it=e.log_mode==="button";return l`<div class="food">
      <div>
        <span class="muted">${o("selected")}:</span>
        <span class="food-name">${s.name}</span>
      </div>
      <div class="nutrients">
        <span>${o("leucine")}</span>
        <span>
          <span class="value portion-leucine"
            >${rt}${u===null?`${m(s.leucine_g,a,2)} ${o("per_100g")}`:m(u,a,2)}</span
          >
          ${d>0?l`<span class="muted meal-target"
                  >${v!==null?`· ${o("with_meal",{value:m(v,a,2),target:m(d,a)})}`:o("per_meal_target",{target:m(d,a)})}</span
                >`:c}
        </span>
        ${u!==null&&d>0?l`<span></span>
                <div class="bar ${T>=1?"full":""}" aria-hidden="true">
                  <span style="width: ${Math.round(T*100)}%"></span>
                </div>`:c}
        <span>${o("protein")}</span>
        <span class="value portion-protein"
          >${h===null?`${m(s.protein_g,a)} ${o("per_100g")}`:m(h,a)}</span
        >
      </div>
      ${i!==null?it?l`<div class="row">
                <button
                  class="primary-button log-button"
                  ?disabled=${this._busy}
                  @click=${this._logSettled}
                >
                  ${o("log_portion",{grams:w(i,a)})}
                </button>
              </div>`:l`<span class="muted">${o("log_on_removal")}</span>`:l`${e.scale_entity?l`<span class="muted">${o("put_on_scale")}</span>`:c}
            ${e.selected_food?this._renderManual():c}`}
    </div>`}_renderManual(){let e=this._t;return l`<form class="row manual" @submit=${this._logManual}>
      <input
        class="grams-input"
        type="number"
        inputmode="decimal"
        min="0"
        step="any"
        aria-label=${e("grams")}
        placeholder=${e("grams")}
        .value=${this._manualGrams}
        @input=${s=>this._manualGrams=s.target.value}
      />
      <button
        class="secondary-button manual-log"
        type="submit"
        ?disabled=${this._busy||!this._manualGrams}
      >
        ${e("log")}
      </button>
    </form>`}_estimated(){return l`<span class="est" title=${this._t("estimated_hint")}
      >≈<span class="visually-hidden"> ${this._t("estimated")}</span></span
    >`}_renderChooser(e){let s=this._t,n=et(e);return l`<div class="panel chooser">
      <h3>${s("choose_food")}</h3>
      ${n.length?l`<div class="chips" role="group" aria-label=${s("suggestions")}>
              ${n.map(i=>this._renderChip(e,i))}
            </div>`:c}
      <div style="margin-top: ${n.length?12:0}px">
        <input
          class="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          aria-label=${s("search")}
          placeholder=${s("search_placeholder")}
          .value=${this._query}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKey}
        />
        ${this._renderResults()}
      </div>
    </div>`}_chipLabel(e){return this._t(e)}_renderChip(e,s){let n=this._lang,i=O(e,this._live()),o={predicted:"mdi:clock-outline",favorite:"mdi:star-outline",recent:"mdi:history"}[s.kind],a=i!==null?`${m(ne(s.food,i),n,1)} ${this._t("leucine").toLowerCase()}`:s.grams!==null?w(s.grams,n):"",d=(e.portion?.food??e.selected_food)?.id===s.food.id,u=[s.food.name,this._chipLabel(s.kind),i!==null?a:s.grams!==null?this._t("usually",{grams:a}):""].filter(Boolean).join(", ");return l`<button
      class="chip chip-${s.kind}"
      data-food=${s.food.id}
      aria-pressed=${d?"true":"false"}
      aria-label=${u}
      title=${this._chipLabel(s.kind)}
      ?disabled=${this._busy}
      @click=${()=>this._pick(s.food)}
    >
      <ha-icon icon=${o} aria-hidden="true"></ha-icon>
      <span>${s.food.name}</span>
      ${a?l`<span class="sub">${a}</span>`:c}
    </button>`}_renderResults(){let e=this._t,s=this._lang;if(this._results===void 0)return this._searching?l`<p class="muted">${e("searching")}</p>`:c;if(!this._results.length)return l`<p class="muted">${e("no_results",{query:this._query.trim()})}</p>`;let n=O(this._view,this._live());return l`<ul class="results" aria-label=${e("search")}>
      ${this._results.map(i=>{let o=s.toLowerCase().startsWith("sv")?i.name_en:i.name_sv,a=n!==null?`${m(ne(i,n),s,1)} ${e("leucine").toLowerCase()}`:`${m(i.leucine_g,s,2)} ${e("leucine").toLowerCase()} ${e("per_100g")}`;return l`<li>
          <button
            class="result"
            data-food=${i.id}
            ?disabled=${this._busy}
            @click=${d=>this._pickResult(i,d.detail===0)}
          >
            <span>
              <span class="name">${i.name}</span>
              ${o&&o!==i.name?l`<span class="other">${o}</span>`:c}
              ${i.own?l`<span class="other">${e("own_food")}</span>`:c}
            </span>
            <span class="sub">${i.leucine_estimated?this._estimated():c}${a}</span>
          </button>
        </li>`})}
    </ul>`}_renderStatus(e){let s=this._t,n=this._lang,i=Math.max(0,Math.round(e.targets?.meals_per_day??3)),o=Math.max(0,Math.round(e.meals_at_target??0)),a=Math.min(12,Math.max(i,o));return l`<div class="stats">
      <div class="panel stat meals-at-target">
        <h3>${s("meals_at_target")}</h3>
        <div class="big">${s("count_of_total",{count:o,total:i})}</div>
        <div class="dots" aria-hidden="true">
          ${Array.from({length:a},(d,u)=>l`<span class="dot ${u<o?"on":""}"></span>`)}
        </div>
        ${e.totals?l`<div class="muted totals">
                ${e.totals.leucine_estimated?this._estimated():c}${s("totals",{leucine:m(e.totals.leucine_g,n),protein:m(e.totals.protein_g,n,0),target:m(e.targets?.protein_per_day_g??0,n,0)})}
              </div>`:c}
      </div>
      ${this._renderFasting(e)} ${this._renderNextMeal(e)}
    </div>`}_renderFasting(e){let s=this._t,n=e.fasting,i;if(!n)i=l`<div class="big">–</div>`;else if(!n.fasting)i=l`<div class="big fasting-hours">${s("meal_in_progress")}</div>`;else{let o=Ze(n.since,this._now)??n.hours??null;if(o===null)i=l`<div class="big fasting-hours">${s("no_meal_yet")}</div>`;else{let a=n.goal_h??0,d=n.goal_reached||a>0&&o>=a,u=a>0?Math.min(1,o/a):0;i=l`<div class="big fasting-hours">
            ${a>0?s("fasting_progress",{hours:this._duration(o),goal:s("hours",{h:a})}):this._duration(o)}
          </div>
          ${a>0?l`<div
                  class="bar ${d?"full":""}"
                  aria-hidden="true"
                  style="margin-top: 6px"
                >
                  <span style="width: ${Math.round(u*100)}%"></span>
                </div>`:c}
          <div class="muted">
            ${n.since?s("fasting_since",{time:I(n.since,this.hass)}):c}
            ${d?l` · <span class="good">${s("goal_reached")}</span>`:c}
          </div>`}}return l`<div class="panel stat fasting">
      <h3>${s("fasting")}</h3>
      ${i}
    </div>`}_duration(e){let{h:s,m:n}=Xe(e);return this._t("hours_minutes",{h:s,m:n})}_renderNextMeal(e){let s=this._t,n=this._lang,i=e.next_meal;if(!i)return c;let o=I(i.time,this.hass,this._now);return l`<div class="panel stat next-meal">
      <h3>${s("next_meal")}</h3>
      ${o?l`<div class="big">${s("next_meal_at",{time:o})}</div>`:c}
      ${i.reason_text?l`<div class="reason">${i.reason_text}</div>`:c}
      ${typeof i.add_protein_g=="number"?l`<div class="add-now">
              ${s("add_now",{protein:m(i.add_protein_g,n,0)})}
            </div>`:c}
      ${typeof i.target_leucine_g=="number"&&typeof i.target_protein_g=="number"?l`<div class="muted">
              ${i.leucine_estimated?this._estimated():c}${s("aim_for",{leucine:m(i.target_leucine_g,n),protein:m(i.target_protein_g,n,0)})}
            </div>`:c}
      ${i.behind&&typeof i.day_protein_remaining_g=="number"?l`<div class="muted behind">
              ${s("behind",{protein:m(i.day_protein_remaining_g,n,0),meals:String(i.meals_left??1)})}
            </div>`:c}
      ${i.window_closes?l`<div class="muted">
              ${s("window_closes",{time:I(i.window_closes,this.hass,this._now)})}
            </div>`:c}
      ${i.evidence_text?l`<div class="muted evidence">${s("why",{rule:i.evidence_text})}</div>`:c}
    </div>`}_renderToday(e){let s=this._t,n=Array.isArray(e.entries)?e.entries:[],i=new Map(n.map(u=>[u.entry_id,u])),o=Array.isArray(e.meals)?e.meals:[],a=new Set(o.flatMap(u=>u.entry_ids??[])),d=n.filter(u=>!a.has(u.entry_id));return l`<div class="panel today">
      <h3>${s("today")}</h3>
      ${n.length===0?l`<p class="muted no-entries">${s("no_entries")}</p>`:l`<ul class="meals">
              ${o.map(u=>this._renderMeal(e,u,i))}
              ${d.length?l`<li>
                      <ul class="entries">
                        ${d.map(u=>this._renderEntry(u))}
                      </ul>
                    </li>`:c}
            </ul>`}
      ${n.length?l`<div class="footer" style="margin-top: 8px">
              <span></span>
              <button
                class="secondary-button undo-last"
                ?disabled=${this._busy}
                @click=${this._undoLast}
              >
                <ha-icon icon="mdi:undo" aria-hidden="true"></ha-icon>${s("undo_last")}
              </button>
            </div>`:c}
    </div>`}_renderMeal(e,s,n){let i=this._t,o=this._lang,a=(s.entry_ids??[]).map(u=>n.get(u)).filter(u=>!!u),d=e.targets?.leucine_per_meal_g;return l`<li class="meal">
      <div class="meal-head">
        <span>${i("meal_at",{time:I(s.start,this.hass)})}</span>
        <span class="${s.at_target?"good":"muted"}">
          ${s.leucine_estimated?this._estimated():c}${m(s.leucine_g,o,2)}
          ${i("leucine").toLowerCase()}${d?` / ${m(d,o)}`:""} ·
          ${s.at_target?`✓ ${i("at_target")}`:i("below_target")}
        </span>
      </div>
      <ul class="entries">
        ${a.map(u=>this._renderEntry(u))}
      </ul>
    </li>`}_renderEntry(e){let s=this._t,n=this._lang,i=typeof e.grams=="number"?w(e.grams,n):"",o=I(e.time,this.hass),a=this._confirmDelete===e.entry_id;return l`<li class="entry" data-entry=${e.entry_id}>
      <span class="muted">${o}</span>
      <span class="name"
        >${e.name}${i?l` <span class="muted">· ${i}</span>`:c}</span
      >
      <span class="num"
        >${e.leucine_estimated?this._estimated():c}${m(e.leucine_g,n,2)}</span
      >
      <button
        class="icon-button delete"
        aria-label=${s("delete_entry",{food:e.name,grams:i||"–",time:o})}
        aria-expanded=${a?"true":"false"}
        ?disabled=${this._busy}
        @click=${()=>this._askDelete(e.entry_id)}
      >
        <ha-icon icon="mdi:delete-outline" aria-hidden="true"></ha-icon>
      </button>
      ${a?l`<div class="row confirm">
              <button
                class="secondary-button cancel-delete"
                @click=${()=>this._confirmDelete=void 0}
              >
                ${s("cancel")}
              </button>
              <button
                class="secondary-button danger confirm-delete"
                ?disabled=${this._busy}
                @click=${()=>this._delete(e)}
              >
                ${s("confirm_delete")}
              </button>
            </div>`:c}
    </li>`}async _askDelete(e){this._confirmDelete=this._confirmDelete===e?void 0:e,this._confirmDelete&&(await this.updateComplete,this.renderRoot.querySelector(".confirm-delete")?.focus())}};_.styles=st,g([M({attribute:!1})],_.prototype,"hass",2),g([f()],_.prototype,"_config",2),g([f()],_.prototype,"_people",2),g([f()],_.prototype,"_personId",2),g([f()],_.prototype,"_view",2),g([f()],_.prototype,"_query",2),g([f()],_.prototype,"_results",2),g([f()],_.prototype,"_searching",2),g([f()],_.prototype,"_busy",2),g([f()],_.prototype,"_error",2),g([f()],_.prototype,"_notice",2),g([f()],_.prototype,"_confirmDelete",2),g([f()],_.prototype,"_manualGrams",2),g([f()],_.prototype,"_now",2);var $e="__everyone__";async function Ot(){if(!(customElements.get("ha-form")||!window.loadCardHelpers))try{await(await window.loadCardHelpers()).createCardElement({type:"tile",entity:"sun.sun"}).constructor.getConfigElement?.()}catch{}}var A=class extends ${constructor(){super(...arguments);this._loading=!1;this._label=e=>{let s=S(b(this.hass));return e.name==="person"?s("person"):s("title")}}setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),Ot().then(()=>this.requestUpdate())}updated(){this.hass&&this._people===void 0&&!this._loading&&(this._loading=!0,ee(this.hass).then(e=>{this._people=e}).catch(e=>{this._people=[],this._error=se(this.hass?.localize,e,S(b(this.hass))("error"))}).finally(()=>{this._loading=!1}))}schema(){let e=S(b(this.hass)),s=this._people??[],n=[{value:$e,label:e("everyone")},...s.map(o=>({value:o.entry_id,label:o.name}))],i=this._config?.entry_id;return i&&!s.some(o=>o.entry_id===i)&&n.push({value:i,label:i}),[{name:"person",required:!0,selector:{select:{mode:"dropdown",options:n}}},{name:"title",selector:{text:{}}}]}data(){return{person:this._config?.entry_id||$e,title:this._config?.title??""}}render(){return l`
      ${this._error?l`<p class="error">${this._error}</p>`:""}
      <ha-form
        .hass=${this.hass}
        .data=${this.data()}
        .schema=${this.schema()}
        .computeLabel=${this._label}
        @value-changed=${this._changed}
      ></ha-form>
    `}_changed(e){e.stopPropagation();let s=e.detail?.value??{},n={...this._config??{type:"custom:mtor-balance-card"}};!s.person||s.person===$e?delete n.entry_id:n.entry_id=s.person,(s.title??"").trim()?n.title=s.title:delete n.title,this._config=n,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:n},bubbles:!0,composed:!0}))}};A.styles=U`
    :host {
      display: block;
    }
    .error {
      color: var(--error-color);
    }
  `,g([M({attribute:!1})],A.prototype,"hass",2),g([f()],A.prototype,"_config",2),g([f()],A.prototype,"_people",2),g([f()],A.prototype,"_error",2);customElements.get(W)||customElements.define(W,_);customElements.get(re)||customElements.define(re,A);function Dt(){try{let r=window.localStorage.getItem("selectedLanguage");if(r)return String(JSON.parse(r))}catch{}return navigator.language}window.customCards=window.customCards??[];if(!window.customCards.some(r=>r.type===W)){let r=S(Dt());window.customCards.push({type:W,name:r("card_name"),description:r("card_description"),preview:!1,documentationURL:"https://github.com/mtor-balance/mtor_balance"})}export{_ as MtorBalanceCard,A as MtorBalanceCardEditor};
