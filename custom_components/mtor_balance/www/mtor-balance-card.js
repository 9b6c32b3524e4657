// mTOR Balance kitchen card. Built from frontend/ (npm run build); do not edit.
var Ct=Object.defineProperty;var Rt=Object.getOwnPropertyDescriptor;var p=(r,s,e,t)=>{for(var n=t>1?void 0:t?Rt(s,e):s,i=r.length-1,o;i>=0;i--)(o=r[i])&&(n=(t?o(s,e,n):o(n))||n);return t&&n&&Ct(s,e,n),n};var ee=globalThis,te=ee.ShadowRoot&&(ee.ShadyCSS===void 0||ee.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ce=Symbol(),Ce=new WeakMap,q=class{constructor(s,e,t){if(this._$cssResult$=!0,t!==ce)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=s,this.t=e}get styleSheet(){let s=this.o,e=this.t;if(te&&s===void 0){let t=e!==void 0&&e.length===1;t&&(s=Ce.get(e)),s===void 0&&((this.o=s=new CSSStyleSheet).replaceSync(this.cssText),t&&Ce.set(e,s))}return s}toString(){return this.cssText}},Re=r=>new q(typeof r=="string"?r:r+"",void 0,ce),L=(r,...s)=>{let e=r.length===1?r[0]:s.reduce((t,n,i)=>t+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+r[i+1],r[0]);return new q(e,r,ce)},Ne=(r,s)=>{if(te)r.adoptedStyleSheets=s.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of s){let t=document.createElement("style"),n=ee.litNonce;n!==void 0&&t.setAttribute("nonce",n),t.textContent=e.cssText,r.appendChild(t)}},ue=te?r=>r:r=>r instanceof CSSStyleSheet?(s=>{let e="";for(let t of s.cssRules)e+=t.cssText;return Re(e)})(r):r;var{is:Nt,defineProperty:It,getOwnPropertyDescriptor:Lt,getOwnPropertyNames:Ht,getOwnPropertySymbols:Mt,getPrototypeOf:Ot}=Object,se=globalThis,Ie=se.trustedTypes,Dt=Ie?Ie.emptyScript:"",Ft=se.reactiveElementPolyfillSupport,G=(r,s)=>r,K={toAttribute(r,s){switch(s){case Boolean:r=r?Dt:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,s){let e=r;switch(s){case Boolean:e=r!==null;break;case Number:e=r===null?null:Number(r);break;case Object:case Array:try{e=JSON.parse(r)}catch{e=null}}return e}},ne=(r,s)=>!Nt(r,s),Le={attribute:!0,type:String,converter:K,reflect:!1,useDefault:!1,hasChanged:ne};Symbol.metadata??=Symbol("metadata"),se.litPropertyMetadata??=new WeakMap;var S=class extends HTMLElement{static addInitializer(s){this._$Ei(),(this.l??=[]).push(s)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(s,e=Le){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(s)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(s,e),!e.noAccessor){let t=Symbol(),n=this.getPropertyDescriptor(s,t,e);n!==void 0&&It(this.prototype,s,n)}}static getPropertyDescriptor(s,e,t){let{get:n,set:i}=Lt(this.prototype,s)??{get(){return this[e]},set(o){this[e]=o}};return{get:n,set(o){let a=n?.call(this);i?.call(this,o),this.requestUpdate(s,a,t)},configurable:!0,enumerable:!0}}static getPropertyOptions(s){return this.elementProperties.get(s)??Le}static _$Ei(){if(this.hasOwnProperty(G("elementProperties")))return;let s=Ot(this);s.finalize(),s.l!==void 0&&(this.l=[...s.l]),this.elementProperties=new Map(s.elementProperties)}static finalize(){if(this.hasOwnProperty(G("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(G("properties"))){let e=this.properties,t=[...Ht(e),...Mt(e)];for(let n of t)this.createProperty(n,e[n])}let s=this[Symbol.metadata];if(s!==null){let e=litPropertyMetadata.get(s);if(e!==void 0)for(let[t,n]of e)this.elementProperties.set(t,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(s){let e=[];if(Array.isArray(s)){let t=new Set(s.flat(1/0).reverse());for(let n of t)e.unshift(ue(n))}else s!==void 0&&e.push(ue(s));return e}static _$Eu(s,e){let t=e.attribute;return t===!1?void 0:typeof t=="string"?t:typeof s=="string"?s.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(s=>this.enableUpdating=s),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(s=>s(this))}addController(s){(this._$EO??=new Set).add(s),this.renderRoot!==void 0&&this.isConnected&&s.hostConnected?.()}removeController(s){this._$EO?.delete(s)}_$E_(){let s=new Map,e=this.constructor.elementProperties;for(let t of e.keys())this.hasOwnProperty(t)&&(s.set(t,this[t]),delete this[t]);s.size>0&&(this._$Ep=s)}createRenderRoot(){let s=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ne(s,this.constructor.elementStyles),s}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(s=>s.hostConnected?.())}enableUpdating(s){}disconnectedCallback(){this._$EO?.forEach(s=>s.hostDisconnected?.())}attributeChangedCallback(s,e,t){this._$AK(s,t)}_$ET(s,e){let t=this.constructor.elementProperties.get(s),n=this.constructor._$Eu(s,t);if(n!==void 0&&t.reflect===!0){let i=(t.converter?.toAttribute!==void 0?t.converter:K).toAttribute(e,t.type);this._$Em=s,i==null?this.removeAttribute(n):this.setAttribute(n,i),this._$Em=null}}_$AK(s,e){let t=this.constructor,n=t._$Eh.get(s);if(n!==void 0&&this._$Em!==n){let i=t.getPropertyOptions(n),o=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:K;this._$Em=n;let a=o.fromAttribute(e,i.type);this[n]=a??this._$Ej?.get(n)??a,this._$Em=null}}requestUpdate(s,e,t,n=!1,i){if(s!==void 0){let o=this.constructor;if(n===!1&&(i=this[s]),t??=o.getPropertyOptions(s),!((t.hasChanged??ne)(i,e)||t.useDefault&&t.reflect&&i===this._$Ej?.get(s)&&!this.hasAttribute(o._$Eu(s,t))))return;this.C(s,e,t)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(s,e,{useDefault:t,reflect:n,wrapped:i},o){t&&!(this._$Ej??=new Map).has(s)&&(this._$Ej.set(s,o??e??this[s]),i!==!0||o!==void 0)||(this._$AL.has(s)||(this.hasUpdated||t||(e=void 0),this._$AL.set(s,e)),n===!0&&this._$Em!==s&&(this._$Eq??=new Set).add(s))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let s=this.scheduleUpdate();return s!=null&&await s,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,i]of this._$Ep)this[n]=i;this._$Ep=void 0}let t=this.constructor.elementProperties;if(t.size>0)for(let[n,i]of t){let{wrapped:o}=i,a=this[n];o!==!0||this._$AL.has(n)||a===void 0||this.C(n,void 0,i,a)}}let s=!1,e=this._$AL;try{s=this.shouldUpdate(e),s?(this.willUpdate(e),this._$EO?.forEach(t=>t.hostUpdate?.()),this.update(e)):this._$EM()}catch(t){throw s=!1,this._$EM(),t}s&&this._$AE(e)}willUpdate(s){}_$AE(s){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(s)),this.updated(s)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(s){return!0}update(s){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(s){}firstUpdated(s){}};S.elementStyles=[],S.shadowRootOptions={mode:"open"},S[G("elementProperties")]=new Map,S[G("finalized")]=new Map,Ft?.({ReactiveElement:S}),(se.reactiveElementVersions??=[]).push("2.1.2");var ye=globalThis,He=r=>r,ie=ye.trustedTypes,Me=ie?ie.createPolicy("lit-html",{createHTML:r=>r}):void 0,je="$lit$",C=`lit$${Math.random().toFixed(9).slice(2)}$`,ze="?"+C,Ut=`<${ze}>`,O=document,X=()=>O.createComment(""),J=r=>r===null||typeof r!="object"&&typeof r!="function",ve=Array.isArray,Vt=r=>ve(r)||typeof r?.[Symbol.iterator]=="function",pe=`[ 	
\f\r]`,Y=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Oe=/-->/g,De=/>/g,H=RegExp(`>|${pe}(?:([^\\s"'>=/]+)(${pe}*=${pe}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Fe=/'/g,Ue=/"/g,We=/^(?:script|style|textarea|title)$/i,be=r=>(s,...e)=>({_$litType$:r,strings:s,values:e}),l=be(1),bs=be(2),$s=be(3),D=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),Ve=new WeakMap,M=O.createTreeWalker(O,129);function qe(r,s){if(!ve(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return Me!==void 0?Me.createHTML(s):s}var jt=(r,s)=>{let e=r.length-1,t=[],n,i=s===2?"<svg>":s===3?"<math>":"",o=Y;for(let a=0;a<e;a++){let d=r[a],u,_,m=-1,b=0;for(;b<d.length&&(o.lastIndex=b,_=o.exec(d),_!==null);)b=o.lastIndex,o===Y?_[1]==="!--"?o=Oe:_[1]!==void 0?o=De:_[2]!==void 0?(We.test(_[2])&&(n=RegExp("</"+_[2],"g")),o=H):_[3]!==void 0&&(o=H):o===H?_[0]===">"?(o=n??Y,m=-1):_[1]===void 0?m=-2:(m=o.lastIndex-_[2].length,u=_[1],o=_[3]===void 0?H:_[3]==='"'?Ue:Fe):o===Ue||o===Fe?o=H:o===Oe||o===De?o=Y:(o=H,n=void 0);let w=o===H&&r[a+1].startsWith("/>")?" ":"";i+=o===Y?d+Ut:m>=0?(t.push(u),d.slice(0,m)+je+d.slice(m)+C+w):d+C+(m===-2?a:w)}return[qe(r,i+(r[e]||"<?>")+(s===2?"</svg>":s===3?"</math>":"")),t]},Z=class r{constructor({strings:s,_$litType$:e},t){let n;this.parts=[];let i=0,o=0,a=s.length-1,d=this.parts,[u,_]=jt(s,e);if(this.el=r.createElement(u,t),M.currentNode=this.el.content,e===2||e===3){let m=this.el.content.firstChild;m.replaceWith(...m.childNodes)}for(;(n=M.nextNode())!==null&&d.length<a;){if(n.nodeType===1){if(n.hasAttributes())for(let m of n.getAttributeNames())if(m.endsWith(je)){let b=_[o++],w=n.getAttribute(m).split(C),I=/([.?@])?(.*)/.exec(b);d.push({type:1,index:i,name:I[2],strings:w,ctor:I[1]==="."?me:I[1]==="?"?ge:I[1]==="@"?_e:U}),n.removeAttribute(m)}else m.startsWith(C)&&(d.push({type:6,index:i}),n.removeAttribute(m));if(We.test(n.tagName)){let m=n.textContent.split(C),b=m.length-1;if(b>0){n.textContent=ie?ie.emptyScript:"";for(let w=0;w<b;w++)n.append(m[w],X()),M.nextNode(),d.push({type:2,index:++i});n.append(m[b],X())}}}else if(n.nodeType===8)if(n.data===ze)d.push({type:2,index:i});else{let m=-1;for(;(m=n.data.indexOf(C,m+1))!==-1;)d.push({type:7,index:i}),m+=C.length-1}i++}}static createElement(s,e){let t=O.createElement("template");return t.innerHTML=s,t}};function F(r,s,e=r,t){if(s===D)return s;let n=t!==void 0?e._$Co?.[t]:e._$Cl,i=J(s)?void 0:s._$litDirective$;return n?.constructor!==i&&(n?._$AO?.(!1),i===void 0?n=void 0:(n=new i(r),n._$AT(r,e,t)),t!==void 0?(e._$Co??=[])[t]=n:e._$Cl=n),n!==void 0&&(s=F(r,n._$AS(r,s.values),n,t)),s}var he=class{constructor(s,e){this._$AV=[],this._$AN=void 0,this._$AD=s,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(s){let{el:{content:e},parts:t}=this._$AD,n=(s?.creationScope??O).importNode(e,!0);M.currentNode=n;let i=M.nextNode(),o=0,a=0,d=t[0];for(;d!==void 0;){if(o===d.index){let u;d.type===2?u=new Q(i,i.nextSibling,this,s):d.type===1?u=new d.ctor(i,d.name,d.strings,this,s):d.type===6&&(u=new fe(i,this,s)),this._$AV.push(u),d=t[++a]}o!==d?.index&&(i=M.nextNode(),o++)}return M.currentNode=O,n}p(s){let e=0;for(let t of this._$AV)t!==void 0&&(t.strings!==void 0?(t._$AI(s,t,e),e+=t.strings.length-2):t._$AI(s[e])),e++}},Q=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(s,e,t,n){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=s,this._$AB=e,this._$AM=t,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let s=this._$AA.parentNode,e=this._$AM;return e!==void 0&&s?.nodeType===11&&(s=e.parentNode),s}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(s,e=this){s=F(this,s,e),J(s)?s===c||s==null||s===""?(this._$AH!==c&&this._$AR(),this._$AH=c):s!==this._$AH&&s!==D&&this._(s):s._$litType$!==void 0?this.$(s):s.nodeType!==void 0?this.T(s):Vt(s)?this.k(s):this._(s)}O(s){return this._$AA.parentNode.insertBefore(s,this._$AB)}T(s){this._$AH!==s&&(this._$AR(),this._$AH=this.O(s))}_(s){this._$AH!==c&&J(this._$AH)?this._$AA.nextSibling.data=s:this.T(O.createTextNode(s)),this._$AH=s}$(s){let{values:e,_$litType$:t}=s,n=typeof t=="number"?this._$AC(s):(t.el===void 0&&(t.el=Z.createElement(qe(t.h,t.h[0]),this.options)),t);if(this._$AH?._$AD===n)this._$AH.p(e);else{let i=new he(n,this),o=i.u(this.options);i.p(e),this.T(o),this._$AH=i}}_$AC(s){let e=Ve.get(s.strings);return e===void 0&&Ve.set(s.strings,e=new Z(s)),e}k(s){ve(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,t,n=0;for(let i of s)n===e.length?e.push(t=new r(this.O(X()),this.O(X()),this,this.options)):t=e[n],t._$AI(i),n++;n<e.length&&(this._$AR(t&&t._$AB.nextSibling,n),e.length=n)}_$AR(s=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);s!==this._$AB;){let t=He(s).nextSibling;He(s).remove(),s=t}}setConnected(s){this._$AM===void 0&&(this._$Cv=s,this._$AP?.(s))}},U=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(s,e,t,n,i){this.type=1,this._$AH=c,this._$AN=void 0,this.element=s,this.name=e,this._$AM=n,this.options=i,t.length>2||t[0]!==""||t[1]!==""?(this._$AH=Array(t.length-1).fill(new String),this.strings=t):this._$AH=c}_$AI(s,e=this,t,n){let i=this.strings,o=!1;if(i===void 0)s=F(this,s,e,0),o=!J(s)||s!==this._$AH&&s!==D,o&&(this._$AH=s);else{let a=s,d,u;for(s=i[0],d=0;d<i.length-1;d++)u=F(this,a[t+d],e,d),u===D&&(u=this._$AH[d]),o||=!J(u)||u!==this._$AH[d],u===c?s=c:s!==c&&(s+=(u??"")+i[d+1]),this._$AH[d]=u}o&&!n&&this.j(s)}j(s){s===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,s??"")}},me=class extends U{constructor(){super(...arguments),this.type=3}j(s){this.element[this.name]=s===c?void 0:s}},ge=class extends U{constructor(){super(...arguments),this.type=4}j(s){this.element.toggleAttribute(this.name,!!s&&s!==c)}},_e=class extends U{constructor(s,e,t,n,i){super(s,e,t,n,i),this.type=5}_$AI(s,e=this){if((s=F(this,s,e,0)??c)===D)return;let t=this._$AH,n=s===c&&t!==c||s.capture!==t.capture||s.once!==t.once||s.passive!==t.passive,i=s!==c&&(t===c||n);n&&this.element.removeEventListener(this.name,this,t),i&&this.element.addEventListener(this.name,this,s),this._$AH=s}handleEvent(s){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,s):this._$AH.handleEvent(s)}},fe=class{constructor(s,e,t){this.element=s,this.type=6,this._$AN=void 0,this._$AM=e,this.options=t}get _$AU(){return this._$AM._$AU}_$AI(s){F(this,s)}};var zt=ye.litHtmlPolyfillSupport;zt?.(Z,Q),(ye.litHtmlVersions??=[]).push("3.3.3");var Ge=(r,s,e)=>{let t=e?.renderBefore??s,n=t._$litPart$;if(n===void 0){let i=e?.renderBefore??null;t._$litPart$=n=new Q(s.insertBefore(X(),i),i,void 0,e??{})}return n._$AI(r),n};var $e=globalThis,x=class extends S{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let s=super.createRenderRoot();return this.renderOptions.renderBefore??=s.firstChild,s}update(s){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(s),this._$Do=Ge(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return D}};x._$litElement$=!0,x.finalized=!0,$e.litElementHydrateSupport?.({LitElement:x});var Wt=$e.litElementPolyfillSupport;Wt?.({LitElement:x});($e.litElementVersions??=[]).push("4.2.2");var qt={attribute:!0,type:String,converter:K,reflect:!1,hasChanged:ne},Gt=(r=qt,s,e)=>{let{kind:t,metadata:n}=e,i=globalThis.litPropertyMetadata.get(n);if(i===void 0&&globalThis.litPropertyMetadata.set(n,i=new Map),t==="setter"&&((r=Object.create(r)).wrapped=!0),i.set(e.name,r),t==="accessor"){let{name:o}=e;return{set(a){let d=s.get.call(this);s.set.call(this,a),this.requestUpdate(o,d,r,!0,a)},init(a){return a!==void 0&&this.C(o,void 0,r,a),a}}}if(t==="setter"){let{name:o}=e;return function(a){let d=this[o];s.call(this,a),this.requestUpdate(o,d,r,!0,a)}}throw Error("Unsupported decorator location: "+t)};function T(r){return(s,e)=>typeof e=="object"?Gt(r,s,e):((t,n,i)=>{let o=n.hasOwnProperty(i);return n.constructor.createProperty(i,t),o?Object.getOwnPropertyDescriptor(n,i):void 0})(r,s,e)}function h(r){return T({...r,state:!0,attribute:!1})}var v="mtor_balance";async function V(r){let s=await r.callWS({type:`${v}/people`});return Array.isArray(s?.people)?s.people:[]}function Ye(r,s,e,t){return r.connection.subscribeMessage(t,{type:`${v}/subscribe_today`,entry_id:s,language:e})}async function Xe(r,s,e,t){let n=await r.callWS({type:`${v}/search_foods`,entry_id:s,query:e,language:t,limit:12});return Array.isArray(n?.foods)?n.foods:[]}async function Je(r,s,e){await r.callWS({type:`${v}/select_food`,entry_id:s,food_id:e})}async function R(r,s,e){return(await r.callWS({type:`${v}/${s}`,...e}))?.entry??null}async function Ze(r,s){await r.callWS({type:`${v}/claim_scale`,entry_id:s})}function Qe(r,s,e,t){return R(r,"assign_portion",{entry_id:s,portion_id:e,food_id:t})}async function Be(r,s,e){await r.callWS({type:`${v}/drop_portion`,entry_id:s,portion_id:e})}function et(r,s,e){return R(r,"log_saved_meal",{entry_id:s,meal_id:e})}async function tt(r,s,e,t){await r.callWS({type:`${v}/save_meal`,entry_id:s,name:e,log_entry_ids:t})}function st(r,s,e){return R(r,"log_portion",{entry_id:s,food_id:e})}function nt(r,s,e,t){return R(r,"log_food",{entry_id:s,food_id:e,grams:t})}function it(r,s,e,t,n,i){return R(r,"log_food",{entry_id:s,food_id:e,amount:t,unit:n,language:i})}async function rt(r,s,e){let t=await r.callWS({type:`${v}/trash`,entry_id:s,language:e});return{entries:Array.isArray(t?.entries)?t.entries:[],keptDays:typeof t?.kept_days=="number"?t.kept_days:30}}function we(r,s,e){return R(r,"delete_entry",{entry_id:s,log_entry_id:e})}function xe(r,s,e){return R(r,"restore_entry",{entry_id:s,log_entry_id:e})}function ot(r,s){return R(r,"undo",{entry_id:s})}var Ke=new Map;function at(r){if(!r.loadBackendTranslation)return Promise.resolve(r.localize);let s=r.language??"",e=Ke.get(s);return e||(e=r.loadBackendTranslation("exceptions",v).catch(()=>{}),Ke.set(s,e)),e}function oe(r,s,e){let t=s??{};if(t.translation_key&&r){let n=t.translation_domain||v,i=r(`component.${n}.exceptions.${t.translation_key}.message`,t.translation_placeholders??{});if(i)return i}return typeof t.message=="string"&&t.message?t.message:s instanceof Error&&s.message?s.message:e}var Kt={g:1,kg:1e3,mg:.001,µg:1e-6,μg:1e-6,oz:28.349523125,lb:453.59237,st:6350.293180000001};function lt(r){if(!r||r.state==="unknown"||r.state==="unavailable"||r.state.trim()==="")return null;let s=Number(r.state);if(!Number.isFinite(s))return null;let e=r.attributes.unit_of_measurement,t=Kt[typeof e=="string"?e:"g"];return t===void 0?null:s*t}function dt(r,s){return r/100*s}function ae(r,s){return dt(s,r.leucine_g)}function ct(r,s){return dt(s,r.protein_g)}function k(r){return r?.locale?.language||r?.language||"en"}function Yt(r,s){try{return new Intl.NumberFormat(r,{maximumFractionDigits:s,minimumFractionDigits:0})}catch{return new Intl.NumberFormat("en",{maximumFractionDigits:s})}}function N(r,s,e=1){return Yt(s,e).format(r)}function y(r,s){return`${N(r,s,Math.abs(r)<10?1:0)} g`}function f(r,s,e=1){return`${N(r,s,e)} g`}function Xt(r){return r?.locale?.time_zone==="server"?r.config?.time_zone:void 0}function ke(r,s,e){let t=Xt(s);try{return new Intl.DateTimeFormat(k(s),{...e,timeZone:t}).format(r)}catch{return new Intl.DateTimeFormat("en",e).format(r)}}function Jt(r){let s=r?.locale?.time_format;if(s==="12"||s==="24")return s==="12";try{let e=s==="system"?void 0:k(r),{hourCycle:t}=new Intl.DateTimeFormat(e,{hour:"numeric"}).resolvedOptions();return t==="h11"||t==="h12"}catch{return!1}}function E(r,s,e){if(!r)return"";let t=new Date(r);if(Number.isNaN(t.getTime()))return"";let n=Jt(s),i={hour:n?"numeric":"2-digit",minute:"2-digit",hour12:n};if(e!==void 0){let o={year:"numeric",month:"numeric",day:"numeric"};ke(t,s,o)!==ke(new Date(e),s,o)&&(i.weekday="short")}return ke(t,s,i)}function ut(r,s){if(!r)return null;let e=Date.parse(r);return Number.isNaN(e)?null:Math.max(0,(s-e)/36e5)}function pt(r){let s=Math.floor(r*60);return{h:Math.floor(s/60),m:s%60}}var Zt={card_name:"mTOR Balance kitchen card",card_description:"Weigh, choose the food, done: the live scale, one-tap foods, today's meals and the next meal.",loading:"Loading…",no_people:"No person is set up in mTOR Balance yet. Add one under Settings → Devices & services.",person:"Person",people:"People",everyone:"Everyone in the household",title:"Title",dismiss:"Dismiss",error:"Something went wrong.",scale_none:"No scale is set for {name}: choose a food and enter the grams.",scale_unavailable:"The scale is not available.",on_scale:"On the scale",empty:"Put the food on the scale",settling:"Holding steady…",settled:"Settled",choose_food:"Choose the food",selected:"Selected",put_on_scale:"Put it on the scale; choosing a food again replaces it.",next_portion:"Next portion: put it on the scale; {food} is still chosen, tap another food to change it.",log_on_removal:"Take it off the scale to log it.",log_portion:"Log {grams}",grams:"Grams",log:"Log",logged:"Logged {grams} {food}.",logged_short:"Logged",undo:"Undo",undo_last:"Undo the last entry",undone:"Removed {food}.",deleted:"Deleted {food}.",search:"Search foods",search_placeholder:"Search foods, e.g. cottage cheese",searching:"Searching…",no_results:"No food matches “{query}”.",suggestions:"Suggestions",predicted:"Usual now",favorite:"Favourite",recent:"Recent",own_food:"own food",usually:"usually {grams}",tap_to_log:"Tap a food to log the {grams} on the scale.",unclaimed:"The {grams} on the scale is nobody's yet: tap a food to log it as yours.",in_use_by:"On the scale for {name}",in_use_by_take:"On the scale for {name} — tap Weigh for me to take it",weigh_for_me:"Weigh for me",week_title:"The 7 days before today",week_per_day:"{protein} protein per day",week_per_logged_day:"{protein} per logged day ({logged} of 7 days logged)",week_nothing_logged:"Nothing logged in these days.",week_leucine:"{leucine} leucine per day · {meals} meals at target",week_fasts:"{count} fasts of 8 h or more: median {median} h, longest {longest} h",restored:"Put {food} back.",dashboard_today:"Today and the week",dashboard_last_48h:"The last 48 hours",dashboard_30_days:"Leucine and protein per day",container_hint:"Eating from the container: weigh it again when you are done; what went is logged.",saved_meals:"Saved meals",saved_meal_sub:"{count} foods · tap to log",meal_logged:"Logged {meal}.",meal_saved:"Saved {meal} as a meal.",save_as_meal:"Save as a meal",meal_name:"Name of the meal",save:"Save",pending_title:"Weighed, not logged",pending_row:"{grams} at {time}",assign:"Choose food",assigning:"Tap the food for the {grams} weighed at {time}.",drop:"Drop",dropped:"Dropped {grams}.",leucine:"Leucine",protein:"Protein",per_meal_target:"of {target} per meal",with_meal:"the meal with it: {value} of {target}",per_100g:"per 100 g",estimated:"estimated",estimated_hint:"Leucine estimated from protein",today:"Today",no_entries:"Nothing logged today.",meal_at:"Meal at {time}",at_target:"at target",below_target:"below target",delete_entry:"Delete {food} ({grams}) from {time}",confirm_delete:"Delete",cancel:"Cancel",meals_at_target:"Meals at target",count_of_total:"{count} of {total}",totals:"{leucine} leucine · {protein} of {target} protein today",next_meal:"Next meal",next_meal_at:"around {time}",next_meal_now:"Now",aim_for:"Aim for {leucine} leucine and {protein} protein.",add_now:"Add about {protein} protein to this meal now.",behind:"Behind on today's protein: {protein} left for {meals} meal(s).",why:"Why: {rule}",window_closes:"Eating window closes: {time}.",fasting:"Fasting",fasting_progress:"{hours} of {goal}",fasting_since:"since {time}",goal_reached:"goal reached",meal_in_progress:"Meal in progress",no_meal_yet:"No meal logged yet",hours_minutes:"{h} h {m} min",hours:"{h} h",unit:"Unit",amount:"Amount",fewer:"Fewer",more:"More",logged_amount:"Logged {amount} ({grams}).",trash:"Deleted, can be restored",trash_empty:"Nothing deleted in the last {days} days.",trash_deleted:"deleted {time}",restore:"Restore"},Qt={card_name:"mTOR Balance köksmodul",card_description:"Väg, välj maten, klart: vågen live, mat med ett tryck, dagens måltider och nästa måltid.",loading:"Laddar…",no_people:"Ingen person är inlagd i mTOR Balance än. Lägg till en under Inställningar → Enheter och tjänster.",person:"Person",people:"Personer",everyone:"Alla i hushållet",title:"Rubrik",dismiss:"Stäng",error:"Något gick fel.",scale_none:"Ingen våg är vald för {name}: välj en mat och skriv in grammen.",scale_unavailable:"Vågen är inte tillgänglig.",on_scale:"På vågen",empty:"Lägg maten på vågen",settling:"Håller stilla…",settled:"Stilla",choose_food:"Välj maten",selected:"Vald",put_on_scale:"Lägg den på vågen; väljer du en mat igen ersätter den.",next_portion:"Nästa portion: lägg den på vågen; {food} är fortfarande vald, tryck på en annan mat för att byta.",log_on_removal:"Ta av den från vågen så loggas den.",log_portion:"Logga {grams}",grams:"Gram",log:"Logga",logged:"Loggade {grams} {food}.",logged_short:"Loggad",undo:"Ångra",undo_last:"Ångra senaste posten",undone:"Tog bort {food}.",deleted:"Raderade {food}.",search:"Sök mat",search_placeholder:"Sök mat, t.ex. keso",searching:"Söker…",no_results:"Ingen mat matchar ”{query}”.",suggestions:"Förslag",predicted:"Brukar nu",favorite:"Favorit",recent:"Senaste",own_food:"egen mat",usually:"brukar {grams}",tap_to_log:"Tryck på en mat för att logga de {grams} på vågen.",unclaimed:"De {grams} på vågen är ingens ännu: tryck på en mat för att logga dem som dina.",in_use_by:"På vågen för {name}",in_use_by_take:"På vågen för {name} — tryck Väg åt mig för att ta den",weigh_for_me:"Väg åt mig",week_title:"De 7 dagarna före i dag",week_per_day:"{protein} protein per dag",week_per_logged_day:"{protein} per loggad dag ({logged} av 7 dagar loggade)",week_nothing_logged:"Inget loggat de här dagarna.",week_leucine:"{leucine} leucin per dag · {meals} måltider som når målet",week_fasts:"{count} fastor på minst 8 h: median {median} h, längsta {longest} h",restored:"Lade tillbaka {food}.",dashboard_today:"I dag och veckan",dashboard_last_48h:"De senaste 48 timmarna",dashboard_30_days:"Leucin och protein per dag",container_hint:"Du äter ur behållaren: väg den igen när du är klar, så loggas det som gick åt.",saved_meals:"Sparade måltider",saved_meal_sub:"{count} livsmedel · tryck för att logga",meal_logged:"Loggade {meal}.",meal_saved:"Sparade {meal} som en måltid.",save_as_meal:"Spara som måltid",meal_name:"Måltidens namn",save:"Spara",pending_title:"Vägt, inte loggat",pending_row:"{grams} kl. {time}",assign:"Välj mat",assigning:"Tryck på maten för de {grams} som vägdes kl. {time}.",drop:"Släng",dropped:"Slängde {grams}.",leucine:"Leucin",protein:"Protein",per_meal_target:"av {target} per måltid",with_meal:"måltiden med den: {value} av {target}",per_100g:"per 100 g",estimated:"uppskattat",estimated_hint:"Leucin uppskattat från protein",today:"Idag",no_entries:"Inget loggat idag.",meal_at:"Måltid kl. {time}",at_target:"når målet",below_target:"under målet",delete_entry:"Radera {food} ({grams}) från {time}",confirm_delete:"Radera",cancel:"Avbryt",meals_at_target:"Måltider som når målet",count_of_total:"{count} av {total}",totals:"{leucine} leucin · {protein} av {target} protein idag",next_meal:"Nästa måltid",next_meal_at:"runt {time}",next_meal_now:"Nu",aim_for:"Sikta på {leucine} leucin och {protein} protein.",add_now:"Lägg till cirka {protein} protein i måltiden nu.",behind:"Efter med dagens protein: {protein} kvar på {meals} måltid(er).",why:"Varför: {rule}",window_closes:"Ätfönstret stänger: {time}.",fasting:"Fasta",fasting_progress:"{hours} av {goal}",fasting_since:"sedan {time}",goal_reached:"målet nått",meal_in_progress:"Måltid pågår",no_meal_yet:"Ingen måltid loggad än",hours_minutes:"{h} h {m} min",hours:"{h} h",unit:"Enhet",amount:"Antal",fewer:"Färre",more:"Fler",logged_amount:"Loggade {amount} ({grams}).",trash:"Raderat, kan återställas",trash_empty:"Inget raderat de senaste {days} dagarna.",trash_deleted:"raderad {time}",restore:"Återställ"},Bt={en:Zt,sv:Qt};function B(r){return(r??"").toLowerCase().startsWith("sv")?"sv":"en"}function A(r){let s=Bt[B(r)];return(e,t)=>s[e].replace(/\{(\w+)\}/g,(n,i)=>t&&i in t?String(t[i]):n)}var ht={en:{piece:["piece","pieces"],large:["large","large"],medium:["medium","medium"],small:["small","small"],slice:["slice","slices"],glass:["glass","glasses"],cup:["cup","cups"],dl:["dl","dl"],tablespoon:["tbsp","tbsp"],teaspoon:["tsp","tsp"],scoop:["scoop","scoops"],portion:["portion","portions"],package:["package","packages"]},sv:{piece:["st","st"],large:["stor","stora"],medium:["medelstor","medelstora"],small:["liten","små"],slice:["skiva","skivor"],glass:["glas","glas"],cup:["kopp","koppar"],dl:["dl","dl"],tablespoon:["msk","msk"],teaspoon:["tsk","tsk"],scoop:["skopa","skopor"],portion:["portion","portioner"],package:["paket","paket"]}};function Ee(r,s){return Math.abs(r-s)<=Math.max(3,Math.abs(s)*.02)}function j(r,s){let e=r?.portion;if(!e||!Number.isFinite(e.grams)||e.grams<=0)return null;let t=typeof e.scale_g=="number"&&Number.isFinite(e.scale_g)?e.scale_g:e.grams;return s!==null&&!Ee(s,t)?null:e.grams}function mt(r,s){return r?.log_mode==="container"||j(r,s)===null?"select_food":"log_portion"}function gt(r,s=10){let e=[],t=new Set,n=(o,a,d)=>{!o||typeof o.id!="string"||t.has(o.id)||e.length>=s||(t.add(o.id),e.push({food:o,kind:a,grams:d}))},i=r?.chips??{};for(let o of i.predicted??[])n(o?.food,"predicted",typeof o?.grams=="number"?o.grams:null);for(let o of i.favorites??[])n(o,"favorite",null);for(let o of i.recent??[])n(o,"recent",null);return e}function _t(r,s){let e=(r?.chips?.predicted??[]).find(t=>t?.food?.id===s);return typeof e?.grams=="number"?e.grams:null}var ft=L`
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
  .badge.in-use {
    background: var(--secondary-background-color);
    color: var(--primary-text-color);
  }
  .pending-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .pending-row {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 0;
    border-top: 1px solid var(--divider-color);
  }
  .pending-row > span {
    flex: 1;
  }
  .assign[aria-pressed="true"] {
    outline: 2px solid var(--primary-color);
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
  .unit-select {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    min-height: 44px;
    padding: 0 8px;
    max-width: 100%;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .stepper .amount {
    min-width: 2em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-weight: 500;
  }
  .trash {
    margin-top: 8px;
  }
  .trash summary {
    cursor: pointer;
    padding: 12px 0;
  }
  .trash .entry {
    grid-template-columns: 3.2em minmax(0, 1fr) auto;
  }
  .deleted-at {
    display: block;
    font-size: 0.85em;
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
`;var es="piece",ts=1e3;function yt(r){let s=r?.units;return!s||typeof s!="object"?[]:Object.entries(s).filter(e=>typeof e[1]=="number"&&e[1]>0)}function vt(r,s,e){let t=ht[B(e)][r];return t?t[s===1?0:1]:r}function bt(r,s,e){return`1 ${vt(r,1,e)} (${y(s,e)})`}function $t(r,s,e,t){let n=N(r,t,Number.isInteger(r)?0:1);return s===es?`${n} ${e}`:`${n} ${vt(s,r,t)} ${e}`}function Te(r,s){let e=s?r<1?.5:1:r<=1?.5:1,t=s?r+e:r-e;return Math.min(ts,Math.max(.5,t))}var W="mtor-balance-card",Ae="mtor-balance-card-editor",ss=250,ns=3e4,is=1e4,rs=120,wt="mtor-balance-card.person";function os(){try{return window.localStorage.getItem(wt)}catch{return null}}function as(r){try{window.localStorage.setItem(wt,r)}catch{}}var g=class extends x{constructor(){super(...arguments);this._query="";this._searching=!1;this._busy=!1;this._manualGrams="";this._unit="";this._amount=1;this._trashOpen=!1;this._trashDays=30;this._now=Date.now();this._loadingPeople=!1;this._searchSeq=0}static getConfigElement(){return document.createElement(Ae)}static getStubConfig(){return{}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");if(e.entry_id!==void 0&&typeof e.entry_id!="string")throw new Error("entry_id must be a config entry ID (text)");let t=e.entry_id||void 0;this._config&&(this._config.entry_id||void 0)!==t&&(this._resetPerson(),this._people=void 0),this._config=e,t&&(this._personId=t)}getCardSize(){return 10}getGridOptions(){return{columns:"full",min_columns:6}}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._clock=setInterval(()=>{this._now=Date.now()},ns),this._sync()}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this._clock),clearTimeout(this._searchTimer),clearTimeout(this._noticeTimer),this._unsubscribeView()}shouldUpdate(e){let t=e.get("hass");if(e.size!==1||!t||!this.hass)return!0;let n=this._view?.scale_entity;return!!n&&t.states[n]!==this.hass.states[n]||k(t)!==k(this.hass)||t.localize!==this.hass.localize}willUpdate(e){(e.has("hass")||e.has("_config")||e.has("_personId"))&&this._sync()}updated(){if(this._loggedGrams!==void 0){let e=this._live();(e===null||e<2)&&(this._loggedGrams=void 0)}}get _t(){return A(k(this.hass))}get _lang(){return k(this.hass)}_sync(){if(!this.hass||!this._config||!this.isConnected)return;if(!this._config.entry_id&&this._people===void 0){this._loadPeople();return}if(!this._personId)return;let e=`${this._personId}|${this._lang}`;e!==this._subscribedKey&&this._subscribe(this._personId,e)}async _loadPeople(){if(!(this._loadingPeople||!this.hass)){this._loadingPeople=!0;try{let e=await V(this.hass);this._people=e;let t=os(),n=e.find(i=>i.entry_id===this._personId)??e.find(i=>i.entry_id===t)??e[0];this._personId=n?.entry_id}catch(e){this._people=[],this._showError(e)}finally{this._loadingPeople=!1}}}_subscribe(e,t){this.hass&&(this._unsubscribeView(),this._subscribedKey=t,this._view=void 0,this._knownEntries=void 0,this._unsubscribe=Ye(this.hass,e,this._lang,n=>{this._subscribedKey===t&&this._receive(n)}).catch(n=>{this._subscribedKey===t&&this._showError(n)}))}_unsubscribeView(){let e=this._unsubscribe;this._unsubscribe=void 0,this._subscribedKey=void 0,e?.then(t=>t?.()).catch(()=>{})}_resetPerson(){this._assigning=void 0,this._unsubscribeView(),this._view=void 0,this._knownEntries=void 0,this._notice=void 0,this._confirmDelete=void 0,this._trashOpen=!1,this._trash=void 0,this._clearSearch()}_receive(e){let t=Array.isArray(e.entries)?e.entries:[];if(this._knownEntries){let n=t.filter(o=>!this._knownEntries?.has(o.entry_id)&&Math.abs(Date.now()-Date.parse(o.time))<rs*1e3),i=n[n.length-1];i&&this._announceLogged(i)}this._knownEntries=new Set(t.map(n=>n.entry_id)),this._confirmDelete&&!this._knownEntries.has(this._confirmDelete)&&(this._confirmDelete=void 0),this._view=e}_live(){let e=this._view?.scale_entity;return e?lt(this.hass?.states[e]):null}async _run(e){if(!this._busy){this._busy=!0,this._error=void 0;try{return await e()}catch(t){await this._showError(t);return}finally{this._busy=!1}}}async _pick(e){let t=this.hass,n=this._personId;if(!t||!n)return;let i=this._view?.pending?.find(d=>d.id===this._assigning);if(i){let d=await this._run(()=>Qe(t,n,i.id,e.id));d&&(this._assigning=void 0,this._announceLogged(d),this._clearSearch());return}let o=j(this._view,this._live());if(mt(this._view,this._live())==="log_portion"){let d=await this._run(()=>st(t,n,e.id));d&&(this._loggedGrams=o??void 0,this._announceLogged(d),this._clearSearch());return}if(await this._run(async()=>(await Je(t,n,e.id),!0))){let d=_t(this._view,e.id);this._manualGrams=d===null?"":String(Math.round(d)),this._unit="",this._amount=1,this._clearSearch()}}async _claim(){let e=this.hass,t=this._personId;e&&t&&await this._run(()=>Ze(e,t))}async _drop(e){let t=this.hass,n=this._personId;if(!t||!n)return;await this._run(async()=>(await Be(t,n,e.id),!0))&&(this._assigning=void 0,this._setNotice({key:"dropped",values:{grams:y(e.grams,this._lang)}}))}async _logSettled(){let e=this._view?.portion?.food??this._view?.selected_food;e&&await this._pick(e)}async _logManual(e){e.preventDefault();let t=this.hass,n=this._personId,i=this._view?.selected_food,o=this._unit;if(t&&n&&i&&o){let u=this._amount,_=await this._run(()=>it(t,n,i.id,u,o,this._lang));_&&this._announceLogged(_,{amount:u,unit:o});return}let a=Number(this._manualGrams.replace(",","."));if(!t||!n||!i||!Number.isFinite(a)||a<=0)return;let d=await this._run(()=>nt(t,n,i.id,a));d&&this._announceLogged(d)}async _toggleTrash(e){let t=e.target.open;t!==this._trashOpen&&(this._trashOpen=t,this._trash=void 0,t&&await this._loadTrash())}async _loadTrash(){let e=this.hass,t=this._personId;if(!(!e||!t))try{let n=await rt(e,t,this._lang);t===this._personId&&this._trashOpen&&(this._trash=n.entries,this._trashDays=n.keptDays)}catch(n){await this._showError(n)}}async _restoreFromTrash(e){let t=this.hass,n=this._personId;if(!t||!n)return;let i=await this._run(()=>xe(t,n,e.entry_id));i?this._setNotice({key:"restored",values:{food:this._entryName(i)}}):await this._loadTrash()}async _delete(e){let t=this.hass,n=this._personId;if(!t||!n)return;this._confirmDelete=void 0;let i=await this._run(()=>we(t,n,e.entry_id));i&&this._setNotice({key:"deleted",values:{food:this._entryName(i)},restoreEntry:i.entry_id})}async _undoLast(){let e=this.hass,t=this._personId;if(!e||!t)return;let n=await this._run(()=>ot(e,t));n&&this._setNotice({key:"undone",values:{food:this._entryName(n)},restoreEntry:n.entry_id})}async _restoreNotice(){let e=this._notice?.restoreEntry,t=this.hass,n=this._personId;if(!e||!t||!n)return;let i=await this._run(()=>xe(t,n,e));i?this._setNotice({key:"restored",values:{food:this._entryName(i)}}):this._error&&this._setNotice(void 0)}async _undoNotice(){let e=this._notice?.undoEntry,t=this.hass,n=this._personId;if(!e||!t||!n)return;let i=await this._run(()=>we(t,n,e));i?(this._loggedGrams=void 0,this._setNotice({key:"undone",values:{food:this._entryName(i)},restoreEntry:i.entry_id})):this._error&&this._setNotice(void 0)}_announceLogged(e,t){let n=typeof e.grams=="number"?y(e.grams,this._lang):"",i=this._entryName(e);this._setNotice(t?{key:"logged_amount",values:{amount:$t(t.amount,t.unit,i,this._lang),grams:n},undoEntry:e.entry_id}:{key:"logged",values:{grams:n,food:i},undoEntry:e.entry_id})}_entryName(e){let t=B(this._lang)==="sv"?e.name_sv:e.name_en;return t||(this._view?.entries?.find(i=>i.entry_id===e.entry_id)?.name??e.name)}_setNotice(e){clearTimeout(this._noticeTimer),this._notice=e,this._trashOpen&&e&&["deleted","undone","restored"].includes(e.key)&&this._loadTrash(),e&&(this._noticeTimer=setTimeout(()=>{this._notice=void 0},is))}async _showError(e){let t=this.hass?await at(this.hass):void 0;this._error=oe(t??this.hass?.localize,e,this._t("error"))}_choosePerson(e){e!==this._personId&&(this._resetPerson(),this._error=void 0,this._personId=e,as(e))}_onSearchInput(e){this._query=e.target.value,clearTimeout(this._searchTimer);let t=this._query.trim();if(!t){this._clearSearch();return}this._searchTimer=setTimeout(()=>{this._search(t)},ss)}_onSearchKey(e){e.key==="Escape"?this._clearSearch():e.key==="Enter"&&this._results?.length&&(e.preventDefault(),this._pickResult(this._results[0],!0))}async _pickResult(e,t){await this._pick(e),t&&(await this.updateComplete,this.renderRoot.querySelector("input.search")?.focus())}async _search(e){let t=this.hass,n=this._personId;if(!t||!n)return;let i=++this._searchSeq;this._searching=!0;try{let o=await Xe(t,n,e,this._lang);i===this._searchSeq&&(this._results=o)}catch(o){i===this._searchSeq&&(this._results=[],await this._showError(o))}finally{i===this._searchSeq&&(this._searching=!1)}}_clearSearch(){clearTimeout(this._searchTimer),this._searchSeq++,this._query="",this._results=void 0,this._searching=!1}render(){let e=this._t,t=!this._config?.entry_id,n=this._people??[],i=this._config?.title??(t&&n.length>1?"":this._view?.name??"");return l`
      <ha-card>
        <div class="card" lang=${this._lang}>
          ${i||t&&n.length>1?l`<header>
                  ${i?l`<h2>${i}</h2>`:c}
                  ${t&&n.length>1?this._renderPeople(n):c}
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
      ${e.map(t=>l`<button
            class="person"
            aria-pressed=${t.entry_id===this._personId?"true":"false"}
            @click=${()=>this._choosePerson(t.entry_id)}
          >
            ${t.name}
          </button>`)}
    </div>`}_renderBody(){let e=this._t;if(!this._config?.entry_id&&this._people!==void 0&&this._people.length===0)return l`<p class="muted">${e("no_people")}</p>`;let t=this._view;return t?l`
      <div class="layout">
        <section class="weigh">
          ${this._renderScale(t)}
          <mtor-balance-photo
            .hass=${this.hass}
            .entryId=${this._personId}
            .language=${this._lang}
            @mtor-photo-none=${()=>this.renderRoot.querySelector("input.search")?.focus()}
          ></mtor-balance-photo>
          ${this._renderPending(t)} ${this._renderChooser(t)}
          ${this._notice?this._renderNotice(this._notice):c}
        </section>
        <section class="day">${this._renderStatus(t)} ${this._renderToday(t)}</section>
      </div>
    `:this._error?c:l`<p class="muted">${e("loading")}</p>`}_renderNotice(e){return l`<div class="notice" role="status">
      <span>${this._t(e.key,e.values)}</span>
      ${e.undoEntry?l`<button
              class="link-button undo-notice"
              ?disabled=${this._busy}
              @click=${this._undoNotice}
            >
              ${this._t("undo")}
            </button>`:e.restoreEntry?l`<button
                class="link-button restore-notice"
                ?disabled=${this._busy}
                @click=${this._restoreNotice}
              >
                ${this._t("undo")}
              </button>`:c}
    </div>`}_renderScale(e){let t=this._t,n=this._lang,i=e.scale_entity,o=this._live(),a=j(e,o),d=e.portion?.food??e.selected_food??null,u;if(!i)u=l`<span class="muted">${t("scale_none",{name:e.name})}</span>`;else if(a!==null)u=l`<span class="badge settled" data-settled=${a}>
        ${t("settled")} · ${y(a,n)}
      </span>`;else if(e.scale?.in_use_by&&o!==null&&o>=2){let b=!!(e.scale.shared&&!e.scale.claimed);u=l`<span class="badge in-use"
        >${t(b?"in_use_by_take":"in_use_by",{name:e.scale.in_use_by})}</span
      >`}else o===null?u=l`<span class="muted">${t("scale_unavailable")}</span>`:o<2?u=l`<span class="muted">${t("empty")}</span>`:this._loggedGrams!==void 0&&Ee(o,this._loggedGrams)?u=l`<span class="badge good"
        >✓ ${t("logged_short")} · ${y(this._loggedGrams,n)}</span
      >`:u=l`<span class="badge">${t("settling")}</span>`;let _=e.selected_food?.units?.[this._unit],m=a??(o!==null&&o>=2&&this._loggedGrams===void 0?o:null)??(_?_*this._amount:null);return l`<div class="panel">
      <div class="scale" role="group" aria-label=${t("on_scale")}>
        ${i?l`<span class="weight" aria-live="off"
                >${o===null?"–":y(Math.max(0,o),n)}</span
              >`:c}
        <span class="scale-status" aria-live="polite">${u}</span>
        ${e.scale?.shared&&!e.scale?.claimed?l`<button
                class="secondary-button claim"
                ?disabled=${this._busy}
                @click=${this._claim}
              >
                ${t("weigh_for_me")}
              </button>`:c}
      </div>
      ${e.portion?.unclaimed&&a!==null?l`<p class="food muted unclaimed">
              ${t("unclaimed",{grams:y(a,n)})}
            </p>`:c}
      ${d?this._renderFood(e,d,m,a):a!==null&&!e.portion?.unclaimed?l`<p class="food muted">
                ${t("tap_to_log",{grams:y(a,n)})}
              </p>`:c}
    </div>`}_renderFood(e,t,n,i){let o=this._t,a=this._lang,d=e.targets?.leucine_per_meal_g??0,u=n===null?null:ae(t,n),_=n===null?null:ct(t,n),m=e.meals??[],b=e.fasting&&!e.fasting.fasting?m[m.length-1]:void 0,w=b&&u!==null?b.leucine_g+u:null,I=d>0&&u!==null?Math.min(1,(w??u)/d):0,St=t.leucine_estimated?this._estimated():c,Pt=e.log_mode==="button";return l`<div class="food">
      <div>
        <span class="muted">${o("selected")}:</span>
        <span class="food-name">${t.name}</span>
      </div>
      <div class="nutrients">
        <span>${o("leucine")}</span>
        <span>
          <span class="value portion-leucine"
            >${St}${u===null?`${f(t.leucine_g,a,2)} ${o("per_100g")}`:f(u,a,2)}</span
          >
          ${d>0&&u!==null?l`<span class="muted meal-target"
                  >${w!==null?`· ${o("with_meal",{value:f(w,a,2),target:f(d,a)})}`:o("per_meal_target",{target:f(d,a)})}</span
                >`:c}
        </span>
        ${u!==null&&d>0?l`<span></span>
                <div class="bar ${I>=1?"full":""}" aria-hidden="true">
                  <span style="width: ${Math.round(I*100)}%"></span>
                </div>`:c}
        <span>${o("protein")}</span>
        <span class="value portion-protein"
          >${_===null?`${f(t.protein_g,a)} ${o("per_100g")}`:f(_,a)}</span
        >
      </div>
      ${i!==null?Pt?l`<div class="row">
                <button
                  class="primary-button log-button"
                  ?disabled=${this._busy}
                  @click=${this._logSettled}
                >
                  ${o("log_portion",{grams:y(i,a)})}
                </button>
              </div>`:l`<span class="muted"
                >${o(e.log_mode==="container"?"container_hint":"log_on_removal")}</span
              >`:l`${e.scale_entity?this._scaleHint(e,t):c}
            ${e.selected_food?this._renderManual(e,e.selected_food):c}`}
    </div>`}_scaleHint(e,t){let n=this._live();if(n!==null&&n>=2)return c;let o=(Array.isArray(e.entries)?e.entries:[]).reduce((d,u)=>!d||Date.parse(u.time)>Date.parse(d.time)?u:d,void 0),a=e.selected_food&&o?.food===t.id?this._t("next_portion",{food:t.name}):this._t("put_on_scale");return l`<span class="muted scale-hint">${a}</span>`}_renderManual(e,t){let n=this._t,i=this._lang,o=this._live(),a=!e.scale_entity||o===null||o<2?yt(t):[],d=a.some(([u])=>u===this._unit)?this._unit:"";return d?l`<form class="row manual" @submit=${this._logManual}>
        ${this._renderUnits(a,d)}
        <span class="stepper" role="group" aria-label=${n("amount")}>
          <button
            type="button"
            class="icon-button amount-less"
            aria-label=${n("fewer")}
            ?disabled=${this._amount<=.5}
            @click=${()=>this._amount=Te(this._amount,!1)}
          >
            <ha-icon icon="mdi:minus" aria-hidden="true"></ha-icon>
          </button>
          <span class="amount" aria-live="polite">${N(this._amount,i)}</span>
          <button
            type="button"
            class="icon-button amount-more"
            aria-label=${n("more")}
            @click=${()=>this._amount=Te(this._amount,!0)}
          >
            <ha-icon icon="mdi:plus" aria-hidden="true"></ha-icon>
          </button>
        </span>
        <button class="secondary-button manual-log" type="submit" ?disabled=${this._busy}>
          ${n("log")}
        </button>
      </form>`:l`<form class="row manual" @submit=${this._logManual}>
      ${a.length?this._renderUnits(a,d):c}
      <input
        class="grams-input"
        type="number"
        inputmode="decimal"
        min="0"
        step="any"
        aria-label=${n("grams")}
        placeholder=${n("grams")}
        .value=${this._manualGrams}
        @input=${u=>this._manualGrams=u.target.value}
      />
      <button
        class="secondary-button manual-log"
        type="submit"
        ?disabled=${this._busy||!this._manualGrams}
      >
        ${n("log")}
      </button>
    </form>`}_renderUnits(e,t){let n=this._lang;return l`<select
      class="unit-select"
      aria-label=${this._t("unit")}
      @change=${i=>{this._unit=i.target.value,this._amount=1}}
    >
      <option value="" ?selected=${t===""}>${this._t("grams")}</option>
      ${e.map(([i,o])=>l`<option value=${i} ?selected=${t===i}>
            ${bt(i,o,n)}
          </option>`)}
    </select>`}_estimated(){return l`<span class="est" title=${this._t("estimated_hint")}
      >≈<span class="visually-hidden"> ${this._t("estimated")}</span></span
    >`}_renderPending(e){let t=this._t,n=this._lang,i=Array.isArray(e.pending)?e.pending:[];if(!i.length)return c;let o=i.find(a=>a.id===this._assigning);return l`<div class="panel pending">
      <h3>${t("pending_title")}</h3>
      ${o?l`<p class="assigning" role="status">
              ${t("assigning",{grams:y(o.grams,n),time:E(o.time,this.hass,this._now)})}
              <button class="link-button" @click=${()=>this._assigning=void 0}>
                ${t("cancel")}
              </button>
            </p>`:c}
      <ul class="pending-list">
        ${i.map(a=>l`<li class="pending-row" data-portion=${a.id}>
              <span
                >${t("pending_row",{grams:y(a.grams,n),time:E(a.time,this.hass,this._now)})}</span
              >
              <button
                class="secondary-button assign"
                aria-pressed=${a.id===this._assigning?"true":"false"}
                ?disabled=${this._busy}
                @click=${()=>this._assigning=a.id}
              >
                ${t("assign")}
              </button>
              <button
                class="link-button drop"
                ?disabled=${this._busy}
                @click=${()=>this._drop(a)}
              >
                ${t("drop")}
              </button>
            </li>`)}
      </ul>
    </div>`}_renderChooser(e){let t=this._t,n=gt(e);return l`<div class="panel chooser">
      <h3>${t("choose_food")}</h3>
      ${n.length?l`<div class="chips" role="group" aria-label=${t("suggestions")}>
              ${n.map(i=>this._renderChip(e,i))}
            </div>`:c}
      ${this._renderSavedMeals(e)}
      <div style="margin-top: ${n.length?12:0}px">
        <input
          class="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          aria-label=${t("search")}
          placeholder=${t("search_placeholder")}
          .value=${this._query}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKey}
        />
        ${this._renderResults()}
      </div>
    </div>`}_renderSavedMeals(e){let t=Array.isArray(e.saved_meals)?e.saved_meals:[];if(!t.length)return c;let n=this._lang;return l`<div class="chips saved-meals" role="group" aria-label=${this._t("saved_meals")}>
      ${t.map(i=>l`<button
            class="chip meal-chip"
            data-meal=${i.id}
            ?disabled=${this._busy}
            title=${(i.items??[]).map(o=>`${y(o.grams,n)} ${o.name}`).join(", ")}
            @click=${()=>this._logSavedMeal(i)}
          >
            <span class="name">${i.name}</span>
            <span class="sub"
              >${this._t("saved_meal_sub",{count:String((i.items??[]).length)})}</span
            >
          </button>`)}
    </div>`}async _logSavedMeal(e){let t=this.hass,n=this._personId;if(!t||!n)return;await this._run(()=>et(t,n,e.id))&&this._setNotice({key:"meal_logged",values:{meal:e.name}})}async _saveMeal(e){let t=this.hass,n=this._personId,i=this._savingMeal?.name.trim();if(!t||!n||!i)return;await this._run(async()=>(await tt(t,n,i,e.entry_ids??[]),!0))&&(this._savingMeal=void 0,this._setNotice({key:"meal_saved",values:{meal:i}}))}_chipLabel(e){return this._t(e)}_renderChip(e,t){let n=this._lang,i=j(e,this._live()),o={predicted:"mdi:clock-outline",favorite:"mdi:star-outline",recent:"mdi:history"}[t.kind],a=i!==null?`${f(ae(t.food,i),n,1)} ${this._t("leucine").toLowerCase()}`:t.grams!==null?y(t.grams,n):"",d=(e.portion?.food??e.selected_food)?.id===t.food.id,u=[t.food.name,this._chipLabel(t.kind),i!==null?a:t.grams!==null?this._t("usually",{grams:a}):""].filter(Boolean).join(", ");return l`<button
      class="chip chip-${t.kind}"
      data-food=${t.food.id}
      aria-pressed=${d?"true":"false"}
      aria-label=${u}
      title=${this._chipLabel(t.kind)}
      ?disabled=${this._busy}
      @click=${()=>this._pick(t.food)}
    >
      <ha-icon icon=${o} aria-hidden="true"></ha-icon>
      <span>${t.food.name}</span>
      ${a?l`<span class="sub">${a}</span>`:c}
    </button>`}_renderResults(){let e=this._t,t=this._lang;if(this._results===void 0)return this._searching?l`<p class="muted">${e("searching")}</p>`:c;if(!this._results.length)return l`<p class="muted">${e("no_results",{query:this._query.trim()})}</p>`;let n=j(this._view,this._live());return l`<ul class="results" aria-label=${e("search")}>
      ${this._results.map(i=>{let o=t.toLowerCase().startsWith("sv")?i.name_en:i.name_sv,a=n!==null?`${f(ae(i,n),t,1)} ${e("leucine").toLowerCase()}`:`${f(i.leucine_g,t,2)} ${e("leucine").toLowerCase()} ${e("per_100g")}`;return l`<li>
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
    </ul>`}_renderStatus(e){let t=this._t,n=this._lang,i=Math.max(0,Math.round(e.targets?.meals_per_day??3)),o=Math.max(0,Math.round(e.meals_at_target??0)),a=Math.min(12,Math.max(i,o));return l`<div class="stats">
      <div class="panel stat meals-at-target">
        <h3>${t("meals_at_target")}</h3>
        <div class="big">${t("count_of_total",{count:o,total:i})}</div>
        <div class="dots" aria-hidden="true">
          ${Array.from({length:a},(d,u)=>l`<span class="dot ${u<o?"on":""}"></span>`)}
        </div>
        ${e.totals?l`<div class="muted totals">
                ${e.totals.leucine_estimated?this._estimated():c}${t("totals",{leucine:f(e.totals.leucine_g,n),protein:f(e.totals.protein_g,n,0),target:f(e.targets?.protein_per_day_g??0,n,0)})}
              </div>`:c}
      </div>
      ${this._renderFasting(e)} ${this._renderNextMeal(e)} ${this._renderWeek(e)}
    </div>`}_renderWeek(e){let t=e.week;if(!t||typeof t.days!="number")return c;let n=this._t,i=this._lang,o=typeof t.protein_g_per_logged_day=="number"?n("week_per_logged_day",{protein:f(t.protein_g_per_logged_day,i,0),logged:String(t.logged_days)}):n("week_nothing_logged");return l`<div class="panel stat week">
      <h3>${n("week_title")}</h3>
      <div class="big">
        ${n("week_per_day",{protein:f(t.protein_g_per_day,i,0)})}
      </div>
      <div class="muted week-logged">${o}</div>
      <div class="muted week-leucine">
        ${t.leucine_estimated?this._estimated():c}${n("week_leucine",{leucine:f(t.leucine_g_per_day,i),meals:String(t.meals_at_target)})}
      </div>
      ${t.fasts>0&&typeof t.median_fast_h=="number"?l`<div class="muted week-fasts">
              ${n("week_fasts",{count:String(t.fasts),median:N(t.median_fast_h,i,1),longest:N(t.longest_fast_h??t.median_fast_h,i,1)})}
            </div>`:c}
    </div>`}_renderFasting(e){let t=this._t,n=e.fasting,i;if(!n)i=l`<div class="big">–</div>`;else if(!n.fasting)i=l`<div class="big fasting-hours">${t("meal_in_progress")}</div>`;else{let o=ut(n.since,this._now)??n.hours??null;if(o===null)i=l`<div class="big fasting-hours">${t("no_meal_yet")}</div>`;else{let a=n.goal_h??0,d=n.goal_reached||a>0&&o>=a,u=a>0?Math.min(1,o/a):0;i=l`<div class="big fasting-hours">
            ${a>0?t("fasting_progress",{hours:this._duration(o),goal:t("hours",{h:a})}):this._duration(o)}
          </div>
          ${a>0?l`<div
                  class="bar ${d?"full":""}"
                  aria-hidden="true"
                  style="margin-top: 6px"
                >
                  <span style="width: ${Math.round(u*100)}%"></span>
                </div>`:c}
          <div class="muted">
            ${n.since?t("fasting_since",{time:E(n.since,this.hass)}):c}
            ${d?l` · <span class="good">${t("goal_reached")}</span>`:c}
          </div>`}}return l`<div class="panel stat fasting">
      <h3>${t("fasting")}</h3>
      ${i}
    </div>`}_duration(e){let{h:t,m:n}=pt(e);return this._t("hours_minutes",{h:t,m:n})}_renderNextMeal(e){let t=this._t,n=this._lang,i=e.next_meal;if(!i)return c;let o=E(i.time,this.hass,this._now),a=i.time?Date.parse(i.time)<=Math.max(this._now,Date.now()):!1;return l`<div class="panel stat next-meal">
      <h3>${t("next_meal")}</h3>
      ${o?l`<div class="big next-meal-time">
              ${a?t("next_meal_now"):t("next_meal_at",{time:o})}
            </div>`:c}
      ${i.reason_text?l`<div class="reason">${i.reason_text}</div>`:c}
      ${typeof i.add_protein_g=="number"?l`<div class="add-now">
              ${t("add_now",{protein:f(i.add_protein_g,n,0)})}
            </div>`:c}
      ${typeof i.target_leucine_g=="number"&&typeof i.target_protein_g=="number"?l`<div class="muted">
              ${i.leucine_estimated?this._estimated():c}${t("aim_for",{leucine:f(i.target_leucine_g,n),protein:f(i.target_protein_g,n,0)})}
            </div>`:c}
      ${i.behind&&typeof i.day_protein_remaining_g=="number"?l`<div class="muted behind">
              ${t("behind",{protein:f(i.day_protein_remaining_g,n,0),meals:String(i.meals_left??1)})}
            </div>`:c}
      ${i.window_closes?l`<div class="muted">
              ${t("window_closes",{time:E(i.window_closes,this.hass,this._now)})}
            </div>`:c}
      ${i.evidence_text?l`<div class="muted evidence">${t("why",{rule:i.evidence_text})}</div>`:c}
    </div>`}_renderToday(e){let t=this._t,n=Array.isArray(e.entries)?e.entries:[],i=new Map(n.map(u=>[u.entry_id,u])),o=Array.isArray(e.meals)?e.meals:[],a=new Set(o.flatMap(u=>u.entry_ids??[])),d=n.filter(u=>!a.has(u.entry_id));return l`<div class="panel today">
      <h3>${t("today")}</h3>
      ${n.length===0?l`<p class="muted no-entries">${t("no_entries")}</p>`:l`<ul class="meals">
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
                <ha-icon icon="mdi:undo" aria-hidden="true"></ha-icon>${t("undo_last")}
              </button>
            </div>`:c}
      ${this._renderTrash()}
    </div>`}_renderTrash(){let e=this._t,t=this._lang,n=this._trash;return l`<details class="trash" ?open=${this._trashOpen} @toggle=${this._toggleTrash}>
      <summary class="muted">${e("trash")}</summary>
      ${n===void 0?c:n.length===0?l`<p class="muted trash-empty">${e("trash_empty",{days:this._trashDays})}</p>`:l`<ul class="entries">
                ${n.map(i=>{let o=typeof i.grams=="number"?` · ${y(i.grams,t)}`:"";return l`<li class="entry trashed" data-entry=${i.entry_id}>
                    <span class="muted">${E(i.time,this.hass,this._now)}</span>
                    <span class="name"
                      >${this._entryName(i)}<span class="muted">${o}</span>
                      <span class="muted deleted-at"
                        >${e("trash_deleted",{time:E(i.deleted,this.hass,this._now)})}</span
                      ></span
                    >
                    <button
                      class="secondary-button restore"
                      ?disabled=${this._busy}
                      @click=${()=>this._restoreFromTrash(i)}
                    >
                      ${e("restore")}
                    </button>
                  </li>`})}
              </ul>`}
    </details>`}_renderMeal(e,t,n){let i=this._t,o=this._lang,a=(t.entry_ids??[]).map(u=>n.get(u)).filter(u=>!!u),d=e.targets?.leucine_per_meal_g;return l`<li class="meal">
      <div class="meal-head">
        <span>${i("meal_at",{time:E(t.start,this.hass)})}</span>
        <span class="${t.at_target?"good":"muted"}">
          ${t.leucine_estimated?this._estimated():c}${f(t.leucine_g,o,2)}
          ${i("leucine").toLowerCase()}${d?` / ${f(d,o)}`:""} ·
          ${t.at_target?`✓ ${i("at_target")}`:i("below_target")}
        </span>
        <button
          class="link-button save-meal"
          @click=${()=>this._savingMeal={start:t.start,name:i("meal_at",{time:E(t.start,this.hass)})}}
        >
          ${i("save_as_meal")}
        </button>
      </div>
      ${this._savingMeal?.start===t.start?l`<form
              class="save-meal-form"
              @submit=${u=>{u.preventDefault(),this._saveMeal(t)}}
            >
              <input
                class="meal-name"
                aria-label=${i("meal_name")}
                .value=${this._savingMeal.name}
                @input=${u=>{this._savingMeal&&(this._savingMeal={...this._savingMeal,name:u.target.value})}}
              />
              <button class="secondary-button" type="submit" ?disabled=${this._busy}>
                ${i("save")}
              </button>
              <button
                class="link-button"
                type="button"
                @click=${()=>this._savingMeal=void 0}
              >
                ${i("cancel")}
              </button>
            </form>`:c}
      <ul class="entries">
        ${a.map(u=>this._renderEntry(u))}
      </ul>
    </li>`}_renderEntry(e){let t=this._t,n=this._lang,i=typeof e.grams=="number"?y(e.grams,n):"",o=E(e.time,this.hass),a=this._confirmDelete===e.entry_id;return l`<li class="entry" data-entry=${e.entry_id}>
      <span class="muted">${o}</span>
      <span class="name"
        >${e.name}${i?l` <span class="muted">· ${i}</span>`:c}</span
      >
      <span class="num"
        >${e.leucine_estimated?this._estimated():c}${f(e.leucine_g,n,2)}</span
      >
      <button
        class="icon-button delete"
        aria-label=${t("delete_entry",{food:e.name,grams:i||"–",time:o})}
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
                ${t("cancel")}
              </button>
              <button
                class="secondary-button danger confirm-delete"
                ?disabled=${this._busy}
                @click=${()=>this._delete(e)}
              >
                ${t("confirm_delete")}
              </button>
            </div>`:c}
    </li>`}async _askDelete(e){this._confirmDelete=this._confirmDelete===e?void 0:e,this._confirmDelete&&(await this.updateComplete,this.renderRoot.querySelector(".confirm-delete")?.focus())}};g.styles=ft,p([T({attribute:!1})],g.prototype,"hass",2),p([h()],g.prototype,"_config",2),p([h()],g.prototype,"_people",2),p([h()],g.prototype,"_personId",2),p([h()],g.prototype,"_view",2),p([h()],g.prototype,"_query",2),p([h()],g.prototype,"_results",2),p([h()],g.prototype,"_searching",2),p([h()],g.prototype,"_busy",2),p([h()],g.prototype,"_error",2),p([h()],g.prototype,"_notice",2),p([h()],g.prototype,"_confirmDelete",2),p([h()],g.prototype,"_manualGrams",2),p([h()],g.prototype,"_unit",2),p([h()],g.prototype,"_amount",2),p([h()],g.prototype,"_trashOpen",2),p([h()],g.prototype,"_trash",2),p([h()],g.prototype,"_trashDays",2),p([h()],g.prototype,"_assigning",2),p([h()],g.prototype,"_savingMeal",2),p([h()],g.prototype,"_now",2);var Se="__everyone__";async function ls(){if(!(customElements.get("ha-form")||!window.loadCardHelpers))try{await(await window.loadCardHelpers()).createCardElement({type:"tile",entity:"sun.sun"}).constructor.getConfigElement?.()}catch{}}var P=class extends x{constructor(){super(...arguments);this._loading=!1;this._label=e=>{let t=A(k(this.hass));return e.name==="person"?t("person"):t("title")}}setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),ls().then(()=>this.requestUpdate())}updated(){this.hass&&this._people===void 0&&!this._loading&&(this._loading=!0,V(this.hass).then(e=>{this._people=e}).catch(e=>{this._people=[],this._error=oe(this.hass?.localize,e,A(k(this.hass))("error"))}).finally(()=>{this._loading=!1}))}schema(){let e=A(k(this.hass)),t=this._people??[],n=[{value:Se,label:e("everyone")},...t.map(o=>({value:o.entry_id,label:o.name}))],i=this._config?.entry_id;return i&&!t.some(o=>o.entry_id===i)&&n.push({value:i,label:i}),[{name:"person",required:!0,selector:{select:{mode:"dropdown",options:n}}},{name:"title",selector:{text:{}}}]}data(){return{person:this._config?.entry_id||Se,title:this._config?.title??""}}render(){return l`
      ${this._error?l`<p class="error">${this._error}</p>`:""}
      <ha-form
        .hass=${this.hass}
        .data=${this.data()}
        .schema=${this.schema()}
        .computeLabel=${this._label}
        @value-changed=${this._changed}
      ></ha-form>
    `}_changed(e){e.stopPropagation();let t=e.detail?.value??{},n={...this._config??{type:"custom:mtor-balance-card"}};!t.person||t.person===Se?delete n.entry_id:n.entry_id=t.person,(t.title??"").trim()?n.title=t.title:delete n.title,this._config=n,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:n},bubbles:!0,composed:!0}))}};P.styles=L`
    :host {
      display: block;
    }
    .error {
      color: var(--error-color);
    }
  `,p([T({attribute:!1})],P.prototype,"hass",2),p([h()],P.prototype,"_config",2),p([h()],P.prototype,"_people",2),p([h()],P.prototype,"_error",2);var Et="mtor-balance-photo",ds="mtor-photo-none",xt={en:{take:"Photo of the portion",identifying:"Identifying the photo…",guess:"A guess from the photo: tap the food to log {grams} g.",plate:"A plate: the parts' grams are estimated from the photo.",log_all:"Log all parts",none:"None of these",logged:"Logged, identified from a photo.",failed:"The photo was not identified; nothing was logged."},sv:{take:"Foto av portionen",identifying:"Känner igen fotot…",guess:"En gissning från fotot: tryck på livsmedlet för att logga {grams} g.",plate:"En tallrik: delarnas gram är uppskattade från fotot.",log_all:"Logga alla delar",none:"Inget av dessa",logged:"Loggat, igenkänt från ett foto.",failed:"Fotot kändes inte igen; inget loggades."}};function cs(r,s,e){let n=(r.startsWith("sv")?xt.sv:xt.en)[s];return e===void 0?n:n.replace("{grams}",String(Math.round(e)))}function kt(r){return r instanceof Error?r.message:typeof r=="object"&&r!==null&&"message"in r?String(r.message):void 0}var $=class extends x{constructor(){super(...arguments);this.language="en";this._enabled=!1;this._busy=!1}updated(){this.hass&&this.entryId&&this._checked!==this.entryId&&(this._checked=this.entryId,this.hass.callWS({type:`${v}/photo`,entry_id:this.entryId}).then(e=>{this._enabled=e?.enabled===!0},()=>{this._enabled=!1}))}_t(e,t){return cs(this.language,e,t)}async _picked(e){let t=e.target,n=t.files?.[0];t.value="";let i=this.hass;if(!(!n||!i?.fetchWithAuth||!this.entryId)){this._photo&&URL.revokeObjectURL(this._photo),this._photo=URL.createObjectURL(n),this._answer=void 0,this._message=void 0,this._busy=!0;try{let o=new FormData;o.append("file",n);let a=await i.fetchWithAuth("/api/image/upload",{method:"POST",body:o});if(!a.ok)throw new Error(this._t("failed"));let{id:d}=await a.json();this._answer=await i.callWS({type:`${v}/identify_photo`,entry_id:this.entryId,media_content_id:`media-source://image_upload/${d}`})}catch(o){this._message=kt(o)??this._t("failed")}finally{this._busy=!1}}}async _log(e){if(!(!this.hass||!this.entryId)){this._busy=!0;try{await this.hass.callWS({type:`${v}/log_identified`,entry_id:this.entryId,...e?{food_id:e}:{}}),this._answer=void 0,this._message=this._t("logged")}catch(t){this._message=kt(t)??this._t("failed")}finally{this._busy=!1}}}_none(){this._answer=void 0,this.dispatchEvent(new CustomEvent(ds,{bubbles:!0,composed:!0}))}_renderAnswer(e){let t=n=>`${n.leucine_estimated?"≈":""}${n.leucine_g.toFixed(1)} g leucin${this.language.startsWith("sv")?"":"e"}`;return e.parts.length>1?l`<p>${this._t("plate")}</p>
        ${e.parts.map(n=>l`<p class="part">≈${Math.round(n.grams)} g ${n.name} (${t(n)})</p>`)}
        <button class="best" ?disabled=${this._busy} @click=${()=>this._log()}>
          ${this._t("log_all")}
        </button>
        <button ?disabled=${this._busy} @click=${()=>this._none()}>${this._t("none")}</button>`:l`<p>${this._t("guess",e.grams)}</p>
      ${e.candidates.map((n,i)=>l`<button
            class=${i===0?"best candidate":"candidate"}
            ?disabled=${this._busy}
            @click=${()=>this._log(n.food_id)}
          >
            ${n.name} · ${t(n)}
          </button>`)}
      <button ?disabled=${this._busy} @click=${()=>this._none()}>${this._t("none")}</button>`}render(){return this._enabled?l`<div class="photo">
      ${this._photo?l`<img src=${this._photo} alt="" />`:c}
      <div class="choices">
        <label class="take">
          📷 ${this._t("take")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            ?disabled=${this._busy}
            @change=${e=>{this._picked(e)}}
          />
        </label>
        ${this._busy&&!this._answer?l`<p role="status">${this._t("identifying")}</p>`:c}
        ${this._answer?this._renderAnswer(this._answer):c}
        ${this._message?l`<p role="status">${this._message}</p>`:c}
      </div>
    </div>`:c}};$.styles=L`
    .photo {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 8px 0;
    }
    img {
      width: 96px;
      height: 96px;
      object-fit: cover;
      border-radius: 8px;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
      flex: 1;
    }
    button,
    label.take {
      font: inherit;
      padding: 6px 10px;
      border-radius: 16px;
      border: 1px solid var(--divider-color);
      background: var(--card-background-color);
      color: var(--primary-text-color);
      cursor: pointer;
      text-align: start;
    }
    button.best {
      border-color: var(--primary-color);
    }
    input[type="file"] {
      display: none;
    }
    p {
      margin: 4px 0;
      color: var(--secondary-text-color);
    }
  `,p([T({attribute:!1})],$.prototype,"hass",2),p([T({attribute:!1})],$.prototype,"entryId",2),p([T({attribute:!1})],$.prototype,"language",2),p([h()],$.prototype,"_enabled",2),p([h()],$.prototype,"_busy",2),p([h()],$.prototype,"_photo",2),p([h()],$.prototype,"_answer",2),p([h()],$.prototype,"_message",2);var Tt="ll-strategy-dashboard-mtor-balance";function us(r,s){let e=r.normalize("NFKD").replace(/[\u0300-\u036f]/g,"").toLowerCase().replace(/[^a-z0-9]+/g,"-").replace(/^-|-$/g,"")||"person",t=e;for(let n=2;s.has(t);n++)t=`${e}-${n}`;return s.add(t),t}function le(r,s){return s.map(e=>r[e]).filter(e=>typeof e=="string")}function ps(r,s,e){let t=r.entities??{},n=le(t,["week_protein_per_day","effective_meals_today","fasting_hours","next_suggested_meal"]).map(d=>({type:"tile",entity:d})),i=[{type:"grid",column_span:2,cards:[{type:`custom:${W}`,entry_id:r.entry_id}]},{type:"grid",cards:[{type:"heading",heading:s("dashboard_today"),heading_style:"title"},...n,{type:"history-graph",title:s("dashboard_last_48h"),hours_to_show:48,entities:le(t,["leucine_today","protein_today","fasting_hours"])}]}],o=le(t,["fasts_and_meals"]);o.length&&i.push({type:"grid",cards:[{type:"calendar",entities:o,initial_view:"listWeek"}]});let a=le(t,["leucine_today","protein_today"]);return a.length&&i.push({type:"grid",cards:[{type:"statistics-graph",title:s("dashboard_30_days"),entities:a,days_to_show:30,period:"day",stat_types:["change"],chart_type:"bar"}]}),{title:r.name,path:e,type:"sections",sections:i}}var de=class extends HTMLElement{static async generate(s,e){let t=A(e.locale?.language??e.language),n=await V(e);if(!n.length)return{title:"mTOR Balance",views:[{title:"mTOR Balance",cards:[{type:"markdown",content:t("no_people")}]}]};let i=new Set;return{title:"mTOR Balance",views:n.map(o=>ps(o,t,us(o.name,i)))}}};var hs=[[W,g],[Ae,P],[Et,$],[Tt,de]];function At(r){for(let[s,e]of hs)if(!r.get(s))try{r.define(s,e)}catch(t){console.error(`mtor-balance-card: ${s} is not defined`,t)}}var Pe=window.customElements;At(Pe);Pe.whenDefined("home-assistant").then(()=>{window.customElements!==Pe&&At(window.customElements)});function ms(){try{let r=window.localStorage.getItem("selectedLanguage");if(r)return String(JSON.parse(r))}catch{}return navigator.language}window.customCards=window.customCards??[];if(!window.customCards.some(r=>r.type===W)){let r=A(ms());window.customCards.push({type:W,name:r("card_name"),description:r("card_description"),preview:!1,documentationURL:"https://github.com/mtor-balance/mtor_balance"})}export{g as MtorBalanceCard,P as MtorBalanceCardEditor,de as MtorBalanceDashboardStrategy};
