"""One target named by D outputs of a two-piece network, in a network-realises claim:
`step` (a step function of 2^k pieces; the claim is false) or `packed` (a sign function
of level k equal to 1 - 2 H(x - 1/2); the claim is true). Before the fix the comparison
scaled D x 2^k target values up front, or copied the packed target once per output and
read it cell by cell, none of it charged: step D = 2^15, k = 15 (3 MB) grew past 2 GB in
40 s on its way to about 16 GB and half an hour; packed D = 100000, k = 20 (7 MB) past
8 GB in 40 s, more than the machine has. Usage:
`python3 Tests/RedTeam/fanout.py D k OUT.json [step|packed]`, then `dyadcert verify OUT.json`."""
import json,sys
D=int(sys.argv[1]); k=int(sys.argv[2]); out=sys.argv[3]; mode=sys.argv[4] if len(sys.argv)>4 else "step"
K=1<<k
objs={}
if mode=="step":
    # a step function with K pieces equal to H(x - 1/2) except that it changes value (0 -> 0?) no: values must differ between pieces
    # values: 0 on the left half (alternating 0 and 2^-i?), keep it canonical: distinct consecutive values
    bps=["0"]+[f"{i}/{K}" for i in range(1,K)]+["1"]
    vals=[str(i % 2) for i in range(K)]
    # canonical form requires i/K reduced: write as reduced fractions
    from fractions import Fraction
    bps=[str(Fraction(i,K)) for i in range(K+1)]
    objs["s"]={"kind":"step-function","breakpoints":bps,"values":vals}
else:
    hexlen=(K+3)//4
    half=hexlen//2
    objs["s"]={"kind":"sign-function","level":str(k),"bits":"0"*half+"f"*(hexlen-half)}
layers=[{"units":[{"activation":"heaviside","inputs":["0"],"weights":["1"],"bias":"-1/2"}]},
        {"units":[{"activation":"linear","inputs":["0"],"weights":["1" if mode=="step" else "-2"],"bias":"0" if mode=="step" else "1"}]*D}]
objs["net"]={"kind":"heaviside-network","layers":layers}
d={"format":"dyadcert/1","objects":objs,
 "claims":[{"id":"c","rule":"network-realises","inputs":{"network":"net","functions":["s"]*D},"statement":{"outputs":str(D)}}]}
json.dump(d,open(out,'w'),separators=(',',':'))
