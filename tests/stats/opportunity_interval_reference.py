# Independent reference of the moment-selection opportunity interval
# (scipy's bivariate normal for the critical value).
import math
from scipy.stats import norm, multivariate_normal, gamma
from scipy.optimize import brentq
def wilson(p,n,z):
    d=1+z*z/n; c=(p+z*z/(2*n))/d; h=z*math.sqrt(p*(1-p)/n+z*z/(4*n*n))/d
    lo,hi=max(0,c-h),min(1,c+h)
    # Brown, Cai and DasGupta's boundary modification, 3 counts up to n = 100.
    alpha=2*(1-norm.cdf(z)); x=p*n; f=n-x
    if n<=100 and 0<x<=3: lo=gamma.ppf(alpha,x)/n
    if n<=100 and 0<f<=3: hi=1-gamma.ppf(alpha,f)/n
    return lo,hi
def crit(r,tail):
    f=lambda c: 1-multivariate_normal.cdf([c,c],mean=[0,0],cov=[[1,r],[r,1]],abseps=1e-13,releps=1e-13)-tail
    return brentq(f,norm.ppf(1-tail)-1e-9,norm.ppf(1-tail/2)+1e-9,xtol=1e-13)
def interval(nI,xI,nS,xS,nb,x11,xIb,xSb,level=0.95):
    z=norm.ppf(1-(1-level)/2); tail=(1-level)/2
    pI=xI/nI; pS=xS/nS
    cov=100*nb*(x11/nb-(xIb/nb)*(xSb/nb))/(nI*nS) if nb else 0
    tI=(xI+z*z/2)/(nI+z*z); tS=(xS+z*z/2)/(nS+z*z)
    vI=100*tI*(1-tI)/(nI+z*z); vS=100*tS*(1-tS)/(nS+z*z)
    kappa=math.sqrt(max(1,math.log(min(nI,nS))))
    gap=10*(pI-pS); sd=math.sqrt(max(0,vI+vS-2*cov))
    branch='both'
    if gap>kappa*sd: branch='b'
    elif gap< -kappa*sd: branch='a'
    vb=max(0,4*vI+vS-4*cov)
    rab=max(-1,min(1,(2*vI-cov)/math.sqrt(vI*vb))) if vb>0 else 1
    c=crit(rab,tail) if branch=='both' else z
    lI,uI=wilson(pI,nI,c); lS,uS=wilson(pS,nS,c)
    a=(10*lI,10*uI)
    if branch=='a': return branch,c,a
    r=max(-1,min(1,cov/math.sqrt(vI*vS)))
    e1=20*pI; e2=-10*pS; l1=20*lI; u1=20*uI; l2=-10*uS; u2=-10*lS; rr=-r
    d1=e1-l1; d2=e2-l2; g1=u1-e1; g2=u2-e2
    b=(e1+e2-math.sqrt(max(0,d1*d1+d2*d2+2*rr*d1*d2)), e1+e2+math.sqrt(max(0,g1*g1+g2*g2+2*rr*g1*g2)))
    if branch=='b': return branch,c,b
    return branch,c,(max(a[0],b[0]),max(a[1],b[1]))
cases=[('kink',30,15,30,15,30,8,15,15),('underserved',30,24,30,6,30,5,24,6),('overserved',30,6,30,24,30,5,6,24),
       ('edge',30,30,30,29,30,29,30,29),('blanks',28,14,25,11,24,6,12,11),('small',15,3,15,3,15,0,3,3)]
for name,*args in cases:
    br,c,(lo,hi)=interval(*args)
    print('{"%s", %s, "%s", %.17g, %.17g, %.17g},'%(name,', '.join(map(str,args)),br,c,lo,hi))
